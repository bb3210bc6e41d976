import { Cluster, Device, LiveNodeFacts } from '@homelab/plugin-homelab-common';

const versionCore = (version: string) =>
  version.replace(/^v/, '').replace(/[+-].*$/, '');

/**
 * Where the live node disagrees with the inventory, in words. The cluster is
 * right about live fields; the inventory about hardware; a disagreement means
 * one of them needs a look.
 */
export function nodeDrift(
  cluster: Cluster,
  device: Device | undefined,
  facts: LiveNodeFacts,
): string[] {
  const drift: string[] = [];
  if (
    device?.architecture &&
    facts.architecture &&
    device.architecture !== facts.architecture
  ) {
    drift.push(
      `architecture: the inventory says ${device.architecture}, the cluster reports ${facts.architecture}`,
    );
  }
  if (cluster.version && facts.kubeletVersion) {
    const expected = versionCore(cluster.version);
    const actual = versionCore(facts.kubeletVersion);
    if (!actual.startsWith(expected)) {
      drift.push(
        `version: the inventory says ${cluster.version}, the kubelet runs ${facts.kubeletVersion}`,
      );
    }
  }
  const addresses = (device?.interfaces ?? [])
    .map(i => i.address)
    .filter(Boolean);
  if (
    facts.internalIP &&
    addresses.length > 0 &&
    !addresses.includes(facts.internalIP)
  ) {
    drift.push(
      `address: the inventory gives ${addresses.join(', ')}, the node reports ${
        facts.internalIP
      }`,
    );
  }
  return drift;
}
