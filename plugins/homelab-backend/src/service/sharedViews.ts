import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HomelabClusterClientsService } from '@homelab/plugin-homelab-node';
import { ServedRecovery } from '../backups/servedRecovery';
import { HomelabBackendConfig } from '../config';
import { HomelabStore } from '../database/HomelabStore';
import { FluxActions } from '../flux/FluxActions';
import { CachedViews, createCachedViews } from './cachedViews';
import { FreshnessReader } from './FreshnessReader';

/**
 * What the REST API and the homelab actions both read from and act
 * through, built once per plugin, so that both serve one cache of the
 * model, topology and estate instead of reading the catalog each.
 */
export interface SharedViews {
  freshness: FreshnessReader;
  views: CachedViews;
  flux: FluxActions;
  /** Backups and certificates judged when read, as GET /backups and /certificates serve them. */
  recovery: ServedRecovery;
}

export function createSharedViews(options: {
  config: HomelabBackendConfig;
  store: HomelabStore;
  clusterClients: Pick<HomelabClusterClientsService, 'get' | 'list'>;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): SharedViews {
  const { config, store } = options;
  const freshness = new FreshnessReader(store.collections, config.collectors);
  const views = createCachedViews({
    ...options,
    freshness,
    ttlMs: config.cacheTtlMs,
    clusters: options.clusterClients.list().map(client => client.cluster),
  });
  return {
    freshness,
    views,
    flux: new FluxActions(options.clusterClients, store.flux),
    recovery: new ServedRecovery(
      store,
      () => views.model.get(),
      config.certificateExpiringDays,
    ),
  };
}
