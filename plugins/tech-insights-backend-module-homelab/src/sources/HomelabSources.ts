import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HomelabApiClient } from '@homelab/plugin-homelab-common';
import { readInventoryStatuses } from './inventoryStatuses';
import { listScoredEntities } from './scoredEntities';
import { serviceFetch } from './serviceFetch';

/** The services the retrievers read from. */
interface HomelabSourceServices {
  discovery: DiscoveryService;
  auth: AuthService;
  catalog: CatalogService;
}

/**
 * Where the homelab facts come from: the entities to score (the catalog),
 * homelab-backend's REST API through its typed client, and the inventory
 * status the homelab catalog module serves; all asked as this backend's
 * service.
 */
export function homelabSources(services: HomelabSourceServices) {
  const { discovery, auth, catalog } = services;
  return {
    homelab: new HomelabApiClient({
      discoveryApi: discovery,
      fetchApi: serviceFetch(auth, 'homelab'),
    }),
    entities: () => listScoredEntities(catalog, auth),
    inventoryStatuses: () =>
      readInventoryStatuses(discovery, serviceFetch(auth, 'catalog')),
  };
}

/** What a retriever reads. */
export type HomelabSources = ReturnType<typeof homelabSources>;
