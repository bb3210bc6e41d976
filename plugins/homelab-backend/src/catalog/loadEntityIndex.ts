import { AuthService } from '@backstage/backend-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  EntityFilterQuery,
} from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PLATFORM_SERVICE_COMPONENT_TYPE } from '@homelab/plugin-homelab-common';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  EntityIndex,
} from '../workloads/EntityIndex';
import { fetchEntities } from './fetchEntities';

/** The entities Kubernetes objects can belong to. */
export const KUBERNETES_OWNER_FILTERS: EntityFilterQuery = [
  {
    [`metadata.annotations.${ANNOTATION_KUBERNETES_ID}`]: CATALOG_FILTER_EXISTS,
  },
  {
    [`metadata.annotations.${ANNOTATION_KUBERNETES_LABEL_SELECTOR}`]:
      CATALOG_FILTER_EXISTS,
  },
  { kind: 'component', 'spec.type': PLATFORM_SERVICE_COMPONENT_TYPE },
];

/** The fields EntityIndex reads. */
export const KUBERNETES_OWNER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.type',
  'spec.homelab.cluster',
  'spec.homelab.namespace',
];

/** The entities Kubernetes objects can belong to, read from the catalog. */
export async function loadEntityIndex(
  catalog: CatalogService,
  auth: AuthService,
): Promise<EntityIndex> {
  return new EntityIndex(
    await fetchEntities(
      catalog,
      auth,
      KUBERNETES_OWNER_FILTERS,
      KUBERNETES_OWNER_FIELDS,
    ),
  );
}
