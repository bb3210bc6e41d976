import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { HomelabStore } from '../database/HomelabStore';
import { SharedViews } from '../service/sharedViews';
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
  store: HomelabStore;
  /** The REST API's caches and Flux actions, so that both serve one cache. */
  shared: SharedViews;
  permissions: PermissionsService;
  auditor: AuditorService;
}) {
  const { actionsRegistry, store, shared } = options;
  const context = {
    store,
    ...shared,
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
