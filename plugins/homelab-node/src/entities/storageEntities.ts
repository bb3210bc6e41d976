import { Entity } from '@backstage/catalog-model';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { defined, link, mergeTags } from './entityMetadata';
import { resourceRef } from './entityRefs';
import { homelabEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';

/**
 * The storage section: each pool, class, share or bucket a storage Resource,
 * part of its cluster's environment, or else of the shared storage System.
 */
export function storageEntities(context: MappingContext): Entity[] {
  const { inventory } = context;
  return inventory.storage.map(storage => {
    const { name, title, description, owner, tags, ...facts } = storage;
    const cluster = storage.cluster
      ? inventory.clusters.find(c => c.name === storage.cluster)
      : undefined;
    return homelabEntity(
      'Resource',
      {
        name,
        title,
        description: description ?? storage.useCase,
        tags: mergeTags(tags, [storage.kind]),
        links: link(storage.endpoint, 'Endpoint'),
        annotations: context.sourceOf(storage),
      },
      defined({
        type: HOMELAB_RESOURCE_TYPES.storage,
        owner: owner ?? context.owner,
        system: cluster ? cluster.environment : context.sharedSystem('storage'),
        dependsOn: storage.backedBy
          ? [resourceRef(storage.backedBy)]
          : undefined,
        homelab: defined({
          ...facts,
          hostedOn: storage.device ? resourceRef(storage.device) : undefined,
          partOf: cluster ? [resourceRef(cluster.name)] : undefined,
        }),
      }),
    );
  });
}
