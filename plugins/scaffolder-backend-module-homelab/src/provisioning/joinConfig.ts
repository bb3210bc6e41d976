import { InputError } from '@backstage/errors';
import { Cluster } from '@homelab/plugin-homelab-common';
import { stringify } from 'yaml';

/** The new node, as join configuration needs it. */
interface JoiningNode {
  hostname: string;
  address?: string;
  roles: Array<'control-plane' | 'worker' | 'storage'>;
  /** Disk Talos installs to, like /dev/nvme0n1. */
  installDisk?: string;
  /** Talos installer image (an Image Factory URL with the board's overlay). */
  installImage?: string;
}

/** A file of join configuration, written into the workspace. */
interface JoinConfigFile {
  path: string;
  content: string;
  /** What the operator does with it. */
  instructions: string;
}

/** Talos 1.12 moved the hostname into a HostnameConfig document. */
function talosUsesHostnameDocument(cluster: Cluster): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(cluster.os?.version ?? '');
  if (!match) return true;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 1 || (major === 1 && minor >= 12);
}

/**
 * The join configuration of a node for its cluster's distribution: a Talos
 * machine-config patch, to apply on top of the cluster's worker.yaml or
 * controlplane.yaml, or a k3s agent config. Neither carries a secret: the
 * Talos secrets stay in the operator's machine configs and the k3s token is
 * read from a file on the node.
 */
export function joinConfig(
  cluster: Cluster,
  node: JoiningNode,
): JoinConfigFile {
  const controlPlane = node.roles.includes('control-plane');
  const labels = node.roles.includes('storage')
    ? { 'node.longhorn.io/create-default-disk': 'true' }
    : {};
  if (cluster.distribution === 'talos') {
    const machine: Record<string, unknown> = {
      type: controlPlane ? 'controlplane' : 'worker',
      ...(node.installDisk || node.installImage
        ? {
            install: {
              ...(node.installDisk ? { disk: node.installDisk } : {}),
              ...(node.installImage ? { image: node.installImage } : {}),
            },
          }
        : {}),
      ...(Object.keys(labels).length ? { nodeLabels: labels } : {}),
    };
    const documents: object[] = [];
    if (talosUsesHostnameDocument(cluster)) {
      documents.push(
        { machine },
        {
          apiVersion: 'v1alpha1',
          kind: 'HostnameConfig',
          hostname: node.hostname,
        },
      );
    } else {
      documents.push({
        machine: { ...machine, network: { hostname: node.hostname } },
      });
    }
    const base = controlPlane ? 'controlplane.yaml' : 'worker.yaml';
    return {
      path: `talos/${cluster.name}/${node.hostname}.patch.yaml`,
      content: documents.map(d => stringify(d)).join('---\n'),
      instructions: `talosctl machineconfig patch ${base} --patch @talos/${
        cluster.name
      }/${node.hostname}.patch.yaml -o ${
        node.hostname
      }.yaml && talosctl apply-config --insecure --nodes ${
        node.address ?? node.hostname
      } --file ${node.hostname}.yaml`,
    };
  }
  if (cluster.distribution === 'k3s') {
    if (!cluster.apiServer?.url) {
      throw new InputError(
        `Cluster ${cluster.name} has no apiServer.url in the inventory; a k3s agent needs the server to join`,
      );
    }
    const config = {
      server: cluster.apiServer.url,
      'token-file': '/etc/rancher/k3s/join-token',
      'node-name': node.hostname,
      ...(node.address ? { 'node-ip': node.address } : {}),
      ...(Object.keys(labels).length
        ? { 'node-label': Object.entries(labels).map(([k, v]) => `${k}=${v}`) }
        : {}),
    };
    return {
      path: `k3s/${cluster.name}/${node.hostname}.config.yaml`,
      content: stringify(config),
      instructions: `copy to /etc/rancher/k3s/config.yaml on ${node.hostname}, put the server's node token (/var/lib/rancher/k3s/server/node-token) in /etc/rancher/k3s/join-token, then run the k3s installer with INSTALL_K3S_EXEC=agent`,
    };
  }
  throw new InputError(
    `Cluster ${cluster.name} runs ${cluster.distribution}; join configuration is generated for talos and k3s clusters`,
  );
}
