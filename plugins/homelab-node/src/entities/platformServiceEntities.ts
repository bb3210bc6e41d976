import { Entity } from '@backstage/catalog-model';
import {
  Cluster,
  PLATFORM_SERVICE_COMPONENT_TYPE,
  platformServiceEntityName,
} from '@homelab/plugin-homelab-common';
import { defined, mergeTags } from './entityMetadata';
import { resourceRef } from './entityRefs';
import { homelabEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';

/** A cluster's platform services: each a Component that depends on the cluster. */
export function platformServiceEntities(
  cluster: Cluster,
  context: MappingContext,
): Entity[] {
  return (cluster.platformServices ?? []).map((service, index) => {
    const { name, title, description, owner, ...facts } = service;
    return homelabEntity(
      'Component',
      {
        name: platformServiceEntityName(cluster.name, name),
        title: `${title ?? name} (${cluster.name})`,
        description,
        tags: mergeTags([facts.category]),
        annotations: context.sourceOf(cluster, ['platformServices', index]),
      },
      {
        type: PLATFORM_SERVICE_COMPONENT_TYPE,
        lifecycle: 'production',
        owner: owner ?? cluster.owner ?? context.owner,
        system: cluster.environment,
        dependsOn: [resourceRef(cluster.name)],
        homelab: defined({ ...facts, cluster: cluster.name }),
      },
    );
  });
}
