import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BlastRadiusEstate } from '@homelab/plugin-homelab-node';
import { loadEstate } from '../blastRadius/loadEstate';
import { HomelabModel, loadHomelabModel } from '../catalog/loadHomelabModel';
import { missingClusters } from '../catalog/missingClusters';
import { HomelabStore } from '../database/HomelabStore';
import { loadTopology } from '../topology/loadTopology';
import { PreparedTopology } from '../topology/topologyViews';
import { FreshnessReader } from './FreshnessReader';
import { RefreshingCache } from './RefreshingCache';

/** The views the API serves from a cache, because building them reads the whole homelab. */
export interface CachedViews {
  /** The homelab model from the catalog, for the drift view. */
  model: RefreshingCache<HomelabModel>;
  /** The topology's views, serialised and gzipped, so that no request serialises them. */
  topology: RefreshingCache<PreparedTopology>;
  /** The relations the blast radius walks, with where each workload's pods run. */
  estate: RefreshingCache<BlastRadiusEstate>;
}

/** How soon a model lacking configured clusters is read from the catalog again. */
const MISSING_CLUSTERS_RETRY_MS = 2_000;

/**
 * The model, and the topology and estate relations built on it, each
 * rebuilt in the background once older than `ttlMs`; a model lacking
 * configured clusters (a catalog still loading) is read again when next
 * used, every two seconds at most.
 */
export function createCachedViews(options: {
  catalog: CatalogService;
  auth: AuthService;
  store: Pick<HomelabStore, 'snapshots'>;
  freshness: FreshnessReader;
  logger: LoggerService;
  ttlMs: number;
  /** The names of the configured clusters, which the model should hold. */
  clusters: string[];
}): CachedViews {
  const { catalog, auth, store, freshness, logger, ttlMs, clusters } = options;
  const model = new RefreshingCache({
    name: 'homelab model',
    build: () => loadHomelabModel(catalog, auth),
    logger,
    ttlMs,
    missing: {
      of: value => missingClusters(value, clusters),
      retryMs: MISSING_CLUSTERS_RETRY_MS,
    },
  });
  const topology = new RefreshingCache({
    name: 'homelab topology',
    build: async () => loadTopology(await model.get(), store, freshness),
    logger,
    ttlMs,
  });
  const estate = new RefreshingCache({
    name: 'homelab estate relations',
    build: async () => loadEstate(await model.get(), store),
    logger,
    ttlMs,
  });
  return { model, topology, estate };
}
