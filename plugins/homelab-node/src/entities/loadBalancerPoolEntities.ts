import { Entity } from '@backstage/catalog-model';
import {
  Cluster,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import { addressRangeSize } from '../inventory/addressing';
import { defined, mergeTags } from './entityMetadata';
import { resourceRef } from './entityRefs';
import { homelabEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';

/** A cluster's load-balancer address pools: each an ip-pool Resource on its network. */
export function loadBalancerPoolEntities(
  cluster: Cluster,
  context: MappingContext,
): Entity[] {
  return (cluster.loadBalancerPools ?? []).map((pool, index) =>
    homelabEntity(
      'Resource',
      {
        name: pool.name,
        title: pool.title,
        description: pool.description,
        tags: mergeTags([pool.type]),
        annotations: context.sourceOf(cluster, ['loadBalancerPools', index]),
      },
      {
        type: HOMELAB_RESOURCE_TYPES.ipPool,
        owner: cluster.owner ?? context.owner,
        system: cluster.environment,
        dependsOn: [resourceRef(pool.network)],
        homelab: defined({
          type: pool.type,
          status: pool.status,
          mode: pool.mode,
          network: pool.network,
          cluster: cluster.name,
          addresses: pool.addresses,
          size: pool.addresses.reduce(
            (sum, range) => sum + addressRangeSize(range.start, range.end),
            0,
          ),
          partOf: [resourceRef(cluster.name)],
        }),
      },
    ),
  );
}
