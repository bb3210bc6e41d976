import { Entity } from '@backstage/catalog-model';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { toInventoryName } from '@homelab/plugin-homelab-node';

/**
 * The inventory device a Proxmox VE node is: the one named as the node's
 * inventory name, as the import command names it.
 */
export function nodeDevice(
  entities: readonly Entity[],
  node: string | undefined,
): Entity | undefined {
  const name = toInventoryName(node ?? '');
  return entities.find(
    e =>
      e.spec?.type === HOMELAB_RESOURCE_TYPES.device &&
      e.metadata.name === name,
  );
}
