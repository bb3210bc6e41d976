/**
 * Homelab Platform catalog module: hardware, networks, storage and clusters
 * from a homelab inventory and NetBox, merged with live cluster discovery and
 * the guests of Proxmox VE.
 *
 * @packageDocumentation
 */

export { catalogModuleHomelab as default } from './module';
export { HomelabEntityProcessor } from './processor/HomelabEntityProcessor';
export type { InventoryStatus } from './status/InventoryStatus';
export type { ProxmoxDiscovery } from './proxmox/discoverProxmox';
export type { NetboxDiscovery } from './netbox/discoverNetbox';
export type { SourceDiscovery } from './sources/SourceDiscovery';
export type { InventoryDrift } from './proxmox/guestDrift';
