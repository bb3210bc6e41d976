import { Entity } from '@backstage/catalog-model';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { resourceRef } from './entityRefs';
import { homelabEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';

/**
 * The wan section: each uplink a network Resource of the shared network
 * System, connected to its router and to what it goes through.
 */
export function wanEntities(context: MappingContext): Entity[] {
  return context.inventory.wan.map(uplink => {
    const { name, title, description, owner, router, via, ...facts } = uplink;
    return homelabEntity(
      'Resource',
      {
        name,
        title,
        description,
        annotations: context.sourceOf(uplink),
        tags: ['wan'],
      },
      {
        type: HOMELAB_RESOURCE_TYPES.network,
        owner: owner ?? context.owner,
        system: context.sharedSystem('network'),
        homelab: {
          kind: 'wan',
          ...facts,
          connectedTo: [router, ...(via ? [via] : [])].map(resourceRef),
        },
      },
    );
  });
}
