import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { HomelabStore } from '../database/HomelabStore';
import { FluxActions } from '../flux/FluxActions';
import { createOpenApiRouter } from '../schema/openapi';
import { CachedViews } from './cachedViews';
import { RequestAuthorization } from './RequestAuthorization';
import { driftRoutes } from './routes/driftRoutes';
import { fluxRoutes } from './routes/fluxRoutes';
import { freshnessRoutes } from './routes/freshnessRoutes';
import { RouteGroup } from './routes/HomelabApiRouter';
import { postureRoutes } from './routes/postureRoutes';
import { sloRoutes } from './routes/sloRoutes';
import { topologyRoutes } from './routes/topologyRoutes';

/** Everything the homelab REST API serves from. */
export interface RouterOptions {
  store: HomelabStore;
  views: CachedViews;
  flux: FluxActions;
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  /** Checks every answer against the OpenAPI spec too; for tests. */
  validateResponses?: boolean;
}

/** The API's areas; a new area is a RouteGroup added here. */
const ROUTE_GROUPS: RouteGroup[] = [
  freshnessRoutes,
  topologyRoutes,
  postureRoutes,
  sloRoutes,
  fluxRoutes,
  driftRoutes,
];

/** The homelab REST API, typed and validated by src/schema/openapi.yaml. */
export async function createRouter(options: RouterOptions) {
  const router = await createOpenApiRouter(
    options.validateResponses
      ? { validatorOptions: { validateResponses: true } }
      : undefined,
  );
  const context = {
    ...options,
    authorization: new RequestAuthorization(
      options.httpAuth,
      options.permissions,
    ),
  };
  for (const addRoutes of ROUTE_GROUPS) addRoutes(router, context);
  return router;
}
