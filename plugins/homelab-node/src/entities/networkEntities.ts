import { Entity } from '@backstage/catalog-model';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { mergeTags } from './entityMetadata';
import { homelabEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';

/** The networks section: each VLAN a network Resource of the shared network System. */
export function networkEntities(context: MappingContext): Entity[] {
  return context.inventory.networks.map(network => {
    const { name, title, description, owner, tags, ...facts } = network;
    return homelabEntity(
      'Resource',
      {
        name,
        title,
        description: description ?? network.purpose,
        tags: mergeTags(
          tags,
          network.vlan !== undefined ? [`vlan-${network.vlan}`] : undefined,
        ),
        annotations: context.sourceOf(network),
      },
      {
        type: HOMELAB_RESOURCE_TYPES.network,
        owner: owner ?? context.owner,
        system: context.sharedSystem('network'),
        homelab: { kind: 'vlan', ...facts },
      },
    );
  });
}
