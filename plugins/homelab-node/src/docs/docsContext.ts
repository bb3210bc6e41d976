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
  /** The devices a cluster's nodes run on, in node order. */
  devicesOf(cluster: Cluster): Device[];
  /** A device's display name, or the name itself when no device has it. */
  deviceTitle(name: string): string;
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
  const titleOf = (item: { name: string; title?: string }) =>
    item.title ?? item.name;
  return {
    inventory,
    device: name => devices.get(name),
    devicesOf: cluster =>
      cluster.nodes
        .map(node => devices.get(node.device))
        .filter((device): device is Device => !!device),
    deviceTitle: name => titleOf(devices.get(name) ?? { name }),
    network: name => networks.get(name),
    nodeOf: name => nodes.get(name),
    titleOf,
  };
}
