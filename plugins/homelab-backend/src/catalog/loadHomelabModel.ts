import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ENVIRONMENT_SYSTEM_TYPE,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import { EntityIndex } from '../workloads/EntityIndex';
import { fetchEntities } from './fetchEntities';
import {
  KUBERNETES_OWNER_FIELDS,
  KUBERNETES_OWNER_FILTERS,
} from './loadEntityIndex';

/** The homelab as the catalog models it, for the topology and the drift view. */
export interface HomelabModel {
  /** Hardware, networks, pools, nodes and clusters: Resources with homelab facts. */
  resources: Entity[];
  /** Finds the entity of a Kubernetes object. */
  index: EntityIndex;
  /** The environment of each cluster, by cluster name. */
  clusterEnvironments: Map<string, string>;
  /** Environments in promotion order, like staging then production. */
  environmentOrder: string[];
}

/**
 * Environments in promotion order: those nothing promotes to first, each
 * followed by what it promotes to; any left over (a cycle) at the end.
 */
function promotionOrder(systems: Entity[]): string[] {
  const next = new Map<string, string>();
  for (const system of systems) {
    const target = (system.spec?.homelab as { promotesTo?: string } | undefined)
      ?.promotesTo;
    if (target) next.set(system.metadata.name, parseEntityRef(target).name);
  }
  const names = systems.map(system => system.metadata.name).sort();
  const promotedTo = new Set(next.values());
  const order: string[] = [];
  for (const start of names.filter(name => !promotedTo.has(name))) {
    for (
      let name: string | undefined = start;
      name && !order.includes(name);
      name = next.get(name)
    ) {
      order.push(name);
    }
  }
  return [...order, ...names.filter(name => !order.includes(name))];
}

/** Reads the homelab's entities from the catalog, page by page. */
export async function loadHomelabModel(
  catalog: CatalogService,
  auth: AuthService,
): Promise<HomelabModel> {
  const entities = await fetchEntities(
    catalog,
    auth,
    [
      ...(KUBERNETES_OWNER_FILTERS as Array<Record<string, any>>),
      {
        kind: 'resource',
        'spec.type': Object.values(HOMELAB_RESOURCE_TYPES),
      },
      { kind: 'system', 'spec.type': ENVIRONMENT_SYSTEM_TYPE },
    ],
    [...KUBERNETES_OWNER_FIELDS, 'metadata.title', 'spec.homelab'],
  );
  const resources = entities.filter(
    entity => entity.kind === 'Resource' && entity.spec?.homelab,
  );
  const clusterEnvironments = new Map<string, string>();
  for (const resource of resources) {
    const environment = (resource.spec?.homelab as { environment?: string })
      .environment;
    if (resource.spec?.type === HOMELAB_RESOURCE_TYPES.cluster && environment) {
      clusterEnvironments.set(resource.metadata.name, environment);
    }
  }
  return {
    resources,
    index: new EntityIndex(entities),
    clusterEnvironments,
    environmentOrder: promotionOrder(
      entities.filter(
        entity =>
          entity.kind === 'System' &&
          entity.spec?.type === ENVIRONMENT_SYSTEM_TYPE,
      ),
    ),
  };
}
