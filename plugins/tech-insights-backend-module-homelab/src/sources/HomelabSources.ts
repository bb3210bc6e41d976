import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HomelabApiClient } from '@homelab/plugin-homelab-common';
import {
  InventoryStatusSummary,
  readInventoryStatuses,
} from './inventoryStatuses';
import { listScoredEntities, ScoredEntity } from './scoredEntities';
import { serviceFetch } from './serviceFetch';

/** The services the retrievers read from. */
interface HomelabSourceServices {
  discovery: DiscoveryService;
  auth: AuthService;
  catalog: CatalogService;
}

/** What a retriever reads. */
export interface HomelabSources {
  /** homelab-backend's REST API. */
  homelab: HomelabApiClient;
  /** The entities scored. */
  entities(): Promise<ScoredEntity[]>;
  /** Every homelab inventory's last check. */
  inventoryStatuses(): Promise<InventoryStatusSummary[]>;
}

/**
 * Where the homelab facts come from: the entities to score (the catalog),
 * homelab-backend's REST API through its typed client, and the inventory
 * status the homelab catalog module serves; all asked as this backend's
 * service.
 */
export function homelabSources(
  services: HomelabSourceServices,
): HomelabSources {
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
