import { requestJson } from '../http/requestJson';
import fs from 'node:fs/promises';
import { ProxmoxSource } from './proxmoxSources';

/**
 * One entry of GET /api2/json/cluster/resources, as Proxmox VE writes it:
 * a node, a QEMU VM, an LXC container, a storage on a node, an SDN zone or a
 * pool. Sizes in bytes, cpu a fraction of maxcpu, uptime in seconds; vmid is
 * a number, or a string from some tools (`pvesh --output-format json`).
 *
 * @public
 */
export interface ProxmoxResource {
  /** The resource's id, like "qemu/101", "node/pve" or "storage/pve/local". */
  id: string;
  /** node, qemu, lxc, storage, sdn or pool. */
  type: 'node' | 'qemu' | 'lxc' | 'storage' | 'sdn' | 'pool' | string;
  /** The Proxmox node it is on. */
  node?: string;
  /** A guest's id. */
  vmid?: number | string;
  /** A guest's name. */
  name?: string;
  /** running, stopped, online, available… */
  status?: string;
  /** 1 for a template, which is not a guest. */
  template?: number;
  /** Seconds since it started. */
  uptime?: number;
  /** CPU in use, as a fraction of maxcpu. */
  cpu?: number;
  /** vCPUs of a guest, cores of a node. */
  maxcpu?: number;
  /** Memory in use, in bytes. */
  mem?: number;
  /** Memory allocated (a guest) or installed (a node), in bytes. */
  maxmem?: number;
  /** Disk in use, in bytes (0 for a QEMU VM without its guest agent). */
  disk?: number;
  /** Disk allocated or available, in bytes. */
  maxdisk?: number;
  /** A storage's name. */
  storage?: string;
  /** A storage's type: dir, lvmthin, zfspool, cifs, nfs… */
  plugintype?: string;
  /** What a storage holds: images, rootdir, backup, iso… */
  content?: string;
  /** 1 for storage shared by the cluster's nodes. */
  shared?: number;
  /** A guest's tags, separated by semicolons. */
  tags?: string;
}

const PATH = 'api2/json/cluster/resources';

function resourcesOf(body: unknown, where: string): ProxmoxResource[] {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) {
    throw new Error(`${where} holds no "data" list of resources`);
  }
  return data.filter(
    (item): item is ProxmoxResource =>
      typeof item?.id === 'string' && typeof item?.type === 'string',
  );
}

/**
 * Every node, guest and storage of a Proxmox VE cluster in one call, with
 * the source's API token (`Authorization: PVEAPIToken=<id>=<secret>`), or
 * from its recorded answer. Errors name the source, the call and Proxmox's
 * reason, never the token.
 *
 * @public
 */
export async function readClusterResources(
  source: ProxmoxSource,
): Promise<ProxmoxResource[]> {
  if ('recordedResources' in source) {
    const text = await fs.readFile(source.recordedResources, 'utf8');
    return resourcesOf(JSON.parse(text), source.recordedResources);
  }
  const { tokenId, tokenSecret, ...connection } = source.api;
  const response = await requestJson(connection, {
    method: 'GET',
    path: PATH,
    headers: { authorization: `PVEAPIToken=${tokenId}=${tokenSecret}` },
  }).catch(error => {
    throw new Error(`Proxmox VE "${source.name}": ${error.message}`);
  });
  if (response.status === 401) {
    throw new Error(
      `Proxmox VE "${source.name}": GET /${PATH} was refused (401): check tokenId and tokenSecret`,
    );
  }
  if (response.status !== 200) {
    throw new Error(
      `Proxmox VE "${source.name}": GET /${PATH} answered ${
        response.status
      }: ${response.text.slice(0, 200)}`,
    );
  }
  return resourcesOf(response.body, `Proxmox VE "${source.name}"'s answer`);
}
