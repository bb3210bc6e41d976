import {
  Cluster,
  Device,
  Inventory,
  Network,
} from '@homelab/plugin-homelab-common';

/** The inventory with the lookups every page needs. */
export interface DocsContext {
  inventory: Inventory;
  device(name: string): Device | undefined;
  network(name: string): Network | undefined;
  /** The cluster and node a device runs as, if any. */
  nodeOf(device: string): { cluster: Cluster; roles: string[] } | undefined;
  /** Display name: the title, else the name. */
  titleOf(item: { name: string; title?: string }): string;
}

export function docsContext(inventory: Inventory): DocsContext {
  const devices = new Map(inventory.devices.map(d => [d.name, d]));
  const networks = new Map(inventory.networks.map(n => [n.name, n]));
  const nodes = new Map<string, { cluster: Cluster; roles: string[] }>();
  for (const cluster of inventory.clusters) {
    for (const node of cluster.nodes) {
      nodes.set(node.device, { cluster, roles: node.roles });
    }
  }
  return {
    inventory,
    device: name => devices.get(name),
    network: name => networks.get(name),
    nodeOf: name => nodes.get(name),
    titleOf: item => item.title ?? item.name,
  };
}
