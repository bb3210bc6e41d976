import {
  AuditorService,
  AuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HomelabClusterClientsService } from '@homelab/plugin-homelab-node';
import { HomelabBackendConfig } from '../config';
import { HomelabStore } from '../database/HomelabStore';
import { FluxActions } from '../flux/FluxActions';
import { createCachedViews } from '../service/cachedViews';
import { FreshnessReader } from '../service/FreshnessReader';
import { registerBlastRadiusAction } from './blastRadiusAction';
import { registerDriftAction } from './driftAction';
import { registerFluxChangeActions } from './fluxChangeActions';
import { registerFluxObjectsAction } from './fluxObjectsAction';
import { registerPostureAction } from './postureAction';
import { registerSlosAction } from './slosAction';

/**
 * Registers the homelab actions (homelab:get-blast-radius, get-slos,
 * get-posture, get-flux-objects, get-drift; reconcile-, suspend- and
 * resume-flux-object) in Backstage's actions registry, where the MCP
 * actions backend offers them to agents. Each checks its permission with
 * the caller's credentials.
 */
export function registerHomelabActions(options: {
  actionsRegistry: ActionsRegistryService;
  config: HomelabBackendConfig;
  store: HomelabStore;
  clusterClients: Pick<HomelabClusterClientsService, 'get'>;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  permissions: PermissionsService;
  auditor: AuditorService;
}) {
  const { actionsRegistry, config, store } = options;
  const freshness = new FreshnessReader(store.collections, config.collectors);
  // Built on first use only: an estate of their own, so that the actions
  // need nothing from the REST router.
  const views = createCachedViews({
    ...options,
    freshness,
    ttlMs: config.cacheTtlMs,
  });
  const context = {
    store,
    freshness,
    views,
    flux: new FluxActions(options.clusterClients, store.flux),
    permissions: options.permissions,
    auditor: options.auditor,
  };
  for (const register of [
    registerBlastRadiusAction,
    registerSlosAction,
    registerPostureAction,
    registerFluxObjectsAction,
    registerDriftAction,
    registerFluxChangeActions,
  ]) {
    register(actionsRegistry, context);
  }
}
