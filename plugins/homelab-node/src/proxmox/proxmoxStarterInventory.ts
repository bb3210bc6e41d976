import { commentedItem } from '../inventory/commentedItem';
import { toInventoryName } from '../inventory/toInventoryName';
import { ProxmoxResource } from './readClusterResources';

const GIB = 1024 ** 3;

/** Proxmox storage types as the inventory's storage kinds. */
const STORAGE_KINDS: Record<string, string> = {
  dir: 'directory',
  lvm: 'lvm',
  lvmthin: 'lvm-thin',
  zfspool: 'zfs-pool',
  nfs: 'nfs',
  cifs: 'smb',
  rbd: 'ceph',
  cephfs: 'ceph',
};

const gib = (bytes?: number) =>
  bytes ? Number((bytes / GIB).toFixed(1)) : undefined;

function devices(resources: ProxmoxResource[]): string[] {
  const nodes = resources.filter(r => r.type === 'node' && r.node);
  const guests = resources.filter(
    r => (r.type === 'qemu' || r.type === 'lxc') && r.template !== 1,
  );
  return [
    ...nodes.map(node =>
      commentedItem(
        {
          name: toInventoryName(node.node!),
          kind: 'server',
          os: { name: 'Proxmox VE' },
        },
        `Proxmox VE node ${node.node}: ${node.maxcpu ?? '?'} CPU threads, ${
          gib(node.maxmem) ?? '?'
        } GiB of memory. Add vendor, model, cpu (cores, threads), memoryGB, disks and interfaces.`,
      ),
    ),
    ...guests.map(guest =>
      commentedItem(
        {
          name: toInventoryName(guest.name ?? `${guest.type}-${guest.vmid}`),
          kind: 'virtual-machine',
          host: toInventoryName(guest.node ?? ''),
          vmid: Number(guest.vmid),
          ...(guest.maxcpu ? { vcpus: guest.maxcpu } : {}),
          ...(guest.maxmem ? { memoryGB: gib(guest.maxmem) } : {}),
        },
        `${guest.type === 'lxc' ? 'LXC container' : 'QEMU VM'} ${guest.vmid} "${
          guest.name
        }", ${guest.status}${
          guest.maxdisk ? `, ${gib(guest.maxdisk)} GiB of disk` : ''
        }. Add its architecture and interfaces.`,
      ),
    ),
  ];
}

function storage(resources: ProxmoxResource[]): string[] {
  const seen = new Set<string>();
  return resources
    .filter(r => r.type === 'storage' && r.storage)
    .flatMap(r => {
      const kind = STORAGE_KINDS[r.plugintype ?? ''];
      const shared = r.shared === 1;
      // A shared storage appears once per node; one entry is enough.
      const name = toInventoryName(
        shared ? r.storage! : `${r.storage}-${r.node}`,
      );
      if (seen.has(name)) return [];
      seen.add(name);
      const facts = `Proxmox storage "${r.storage}" (${r.plugintype}, ${
        r.content
      }): ${gib(r.disk) ?? '?'} of ${gib(r.maxdisk) ?? '?'} GiB used.`;
      if (!kind) {
        return [`  # ${facts} Its type has no inventory kind; left out.`];
      }
      if (shared) {
        // Served by a NAS or cluster Proxmox does not name: for the owner to finish.
        return [
          `  # ${facts} Shared: uncomment it with the device that serves it.`,
          `  # - { name: ${name}, kind: ${kind}, device: <the device that serves it> }`,
        ];
      }
      return [
        commentedItem(
          { name, kind, device: toInventoryName(r.node ?? '') },
          facts,
        ),
      ];
    });
}

/**
 * A starter inventory, homelab.dev/v1alpha2, from what Proxmox VE says of
 * itself: its nodes as servers, its VMs and containers (templates aside) as
 * virtual machines on them with their vmid, vCPUs and memory, and its
 * storage. Comments say what each entry came from and what Proxmox cannot
 * know (hardware, networks, addresses) for the owner to add.
 *
 * @public
 */
export function proxmoxStarterInventory(
  resources: ProxmoxResource[],
  options: { source: string; site: string; owner: string; readAt: Date },
): string {
  const storageItems = storage(resources);
  return [
    `# A starter inventory from Proxmox VE ${
      options.source
    }, read ${options.readAt.toISOString()}`,
    '# (GET /api2/json/cluster/resources). Proxmox knows its nodes, guests and storage; it',
    '# does not know your hardware, networks or addresses. Complete the entries below,',
    '# add the networks, then check it with: npx homelab-inventory validate <this file>',
    'apiVersion: homelab.dev/v1alpha2',
    'kind: Inventory',
    'site:',
    `  name: ${toInventoryName(options.site)}`,
    `  owner: ${options.owner}`,
    'devices:',
    ...devices(resources),
    ...(storageItems.some(entry => /^ {2}- /m.test(entry))
      ? ['storage:', ...storageItems]
      : storageItems),
    '',
  ].join('\n');
}
