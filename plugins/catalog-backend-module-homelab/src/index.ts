/**
 * Homelab Platform catalog module: hardware, networks, storage and clusters
 * from a homelab inventory, merged with live cluster discovery.
 *
 * @packageDocumentation
 */

export { catalogModuleHomelab as default } from './module';
export { HomelabEntityProcessor } from './processor/HomelabEntityProcessor';
export type { InventoryStatus } from './status/InventoryStatus';
