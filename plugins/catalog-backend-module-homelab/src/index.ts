/**
 * Homelab Platform catalog module: hardware, networks, storage and clusters
 * from a homelab inventory, merged with live cluster discovery.
 *
 * @packageDocumentation
 */

export { catalogModuleHomelab as default } from './module';
export { HomelabEntityProcessor } from './processor/HomelabEntityProcessor';
export type { InventoryEntityOptions } from './entities/inventoryToEntities';
export { inventoryToEntities } from './entities/inventoryToEntities';
export type { ClusterDiscovery } from './discovery/types';
export type { InventoryStatus } from './status/InventoryStatus';
