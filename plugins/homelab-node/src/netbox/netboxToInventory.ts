import { InventoryProblem } from '../inventory/problems';
import { MappedItem, NameRegistry } from './netboxMapping';
import { netboxDevices } from './netboxDevices';
import { netboxNetworks } from './netboxNetworks';
import { NetboxSnapshot } from './netboxObjects';

/**
 * A NetBox's objects as inventory items of the devices and networks
 * sections, each with the NetBox page it came from, and what could not be
 * mapped.
 *
 * @public
 */
export interface NetboxInventoryItems {
  devices: MappedItem[];
  networks: MappedItem[];
  /** Warnings about objects the inventory cannot hold as NetBox has them. */
  problems: InventoryProblem[];
}

/**
 * Maps what was read from one NetBox (see {@link readNetbox}) to inventory
 * items; baseUrl builds object links when NetBox's answers carry none.
 *
 * @public
 */
export function netboxToInventory(
  snapshot: NetboxSnapshot,
  baseUrl: string,
): NetboxInventoryItems {
  const problems: InventoryProblem[] = [];
  const networks = netboxNetworks(snapshot, new NameRegistry(), baseUrl);
  const devices = netboxDevices(snapshot, networks, baseUrl, problems);
  return {
    devices,
    networks: networks.map(({ item, url }) => ({ item, url })),
    problems,
  };
}
