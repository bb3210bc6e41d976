import { Network, NodeRole } from '@homelab/plugin-homelab-common';
import { InventoryAddition, InventoryRemoval } from './editInventory';

/** A new node as the inventory takes it. */
interface NewNode {
  /** Its device, as the inventory lists it; the node is named after it. */
  device: InventoryAddition['item'];
  cluster: string;
  roles: NodeRole[];
  /** The network of its address. */
  network: Network;
  /** Its static address; DHCP when absent. */
  address?: string;
}

/** The inventory edit that adds a node, and the reservation it takes, if any. */
interface NodeAddition {
  additions: InventoryAddition[];
  removals: InventoryRemoval[];
  /** The reservation kept for this node's address, which the edit removes. */
  takenReservation?: { purpose: string };
}

/**
 * Adds the node's device to the devices and the node to its cluster. An
 * address kept for exactly this kind of addition (like "RK1 module 4 in slot
 * 4") is taken by the node: the reservation goes with the edit.
 */
export function nodeAddition(node: NewNode): NodeAddition {
  const { device, network, address } = node;
  const keepsThisAddress = (r: { start?: unknown; end?: unknown }) =>
    r.start === address && (r.end ?? r.start) === r.start;
  const reservation = network.reserved?.find(keepsThisAddress);
  return {
    additions: [
      { list: ['devices'], item: device },
      {
        list: ['clusters', node.cluster, 'nodes'],
        item: { name: device.name, device: device.name, roles: node.roles },
      },
    ],
    removals: reservation
      ? [
          {
            list: ['networks', network.name, 'reserved'],
            matches: keepsThisAddress,
          },
        ]
      : [],
    takenReservation: reservation,
  };
}
