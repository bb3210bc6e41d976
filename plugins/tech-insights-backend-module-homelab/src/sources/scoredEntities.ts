import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_OPENSLO } from '@homelab/plugin-homelab-common';

/** An entity a scorecard is kept for. */
export interface ScoredEntity {
  /** As tech-insights stores facts. */
  entity: { namespace: string; kind: string; name: string };
  /** Its reference, as homelab-backend's answers name it. */
  ref: string;
}

/**
 * The entities whose workloads the homelab backend finds in a cluster, as
 * the homelab entity cards choose them: Components with a
 * backstage.io/kubernetes-id or homelab.dev/openslo annotation, and
 * platform services.
 */
const isHomelabWorkload = (entity: Entity) =>
  !!entity.metadata.annotations?.['backstage.io/kubernetes-id'] ||
  !!entity.metadata.annotations?.[ANNOTATION_OPENSLO] ||
  entity.spec?.type === 'platform-service';

/** The catalog's homelab workloads, the entities scored. */
export async function listScoredEntities(
  catalog: CatalogService,
  auth: AuthService,
): Promise<ScoredEntity[]> {
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'component' },
      fields: ['kind', 'metadata', 'spec.type'],
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items.filter(isHomelabWorkload).map(entity => ({
    entity: {
      namespace: entity.metadata.namespace ?? 'default',
      kind: entity.kind,
      name: entity.metadata.name,
    },
    ref: stringifyEntityRef(entity),
  }));
}
