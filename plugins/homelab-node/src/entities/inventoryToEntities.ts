import { Entity } from '@backstage/catalog-model';
import { Inventory } from '@homelab/plugin-homelab-common';
import { ItemOrigin } from '../inventory/sourceMap';
import { ClusterDiscovery } from './ClusterDiscovery';
import { clusterEntities } from './clusterEntities';
import { deviceEntities } from './deviceEntities';
import { domainEntity } from './domainEntity';
import { createMappingContext } from './mappingContext';
import { networkEntities } from './networkEntities';
import { operationsEntities } from './operationsEntities';
import { addRecoveryFacts } from './recoveryFacts';
import { storageEntities } from './storageEntities';
import { systemEntities } from './systemEntities';
import { wanEntities } from './wanEntities';

/**
 * What {@link inventoryToEntities} needs besides the inventory.
 *
 * @public
 */
export interface InventoryEntityOptions {
  /** Where each inventory item was written, for the source annotations. */
  origins: WeakMap<object, ItemOrigin>;
  /** Live facts per cluster; without them nodes are shown as not checked. */
  discovery?: readonly ClusterDiscovery[];
  /**
   * The inventory location's name, when the homelab TechDocs module
   * generates this site's docs: the Domain then points TechDocs at them.
   */
  docsLocation?: string;
}

/**
 * Turns a validated inventory into catalog entities (see the entity model in
 * `@homelab/plugin-homelab-common`). Pure: the same inventory and discovery
 * give the same entities, in the same order.
 *
 * @public
 */
export function inventoryToEntities(
  inventory: Inventory,
  options: InventoryEntityOptions,
): Entity[] {
  const context = createMappingContext(
    inventory,
    options.origins,
    options.discovery,
  );
  const items = [
    ...networkEntities(context),
    ...wanEntities(context),
    ...deviceEntities(context),
    ...clusterEntities(context),
    ...storageEntities(context),
    ...operationsEntities(context),
  ];
  addRecoveryFacts(inventory, items);
  // After the items: which shared Systems exist depends on what they use.
  const systems = systemEntities(context);
  return [domainEntity(context, options.docsLocation), ...systems, ...items];
}
