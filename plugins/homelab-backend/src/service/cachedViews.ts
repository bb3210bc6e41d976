import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BlastRadiusEstate } from '@homelab/plugin-homelab-node';
import { loadEstate } from '../blastRadius/loadEstate';
import { HomelabModel, loadHomelabModel } from '../catalog/loadHomelabModel';
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

/** The model, and the topology and estate relations built on it, each rebuilt in the background once older than `ttlMs`. */
export function createCachedViews(options: {
  catalog: CatalogService;
  auth: AuthService;
  store: Pick<HomelabStore, 'snapshots'>;
  freshness: FreshnessReader;
  logger: LoggerService;
  ttlMs: number;
}): CachedViews {
  const { catalog, auth, store, freshness, logger, ttlMs } = options;
  const model = new RefreshingCache(
    'homelab model',
    () => loadHomelabModel(catalog, auth),
    logger,
    ttlMs,
  );
  const topology = new RefreshingCache(
    'homelab topology',
    async () => loadTopology(await model.get(), store, freshness),
    logger,
    ttlMs,
  );
  const estate = new RefreshingCache(
    'homelab estate relations',
    async () => loadEstate(await model.get(), store),
    logger,
    ttlMs,
  );
  return { model, topology, estate };
}
