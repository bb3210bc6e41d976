import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  HomelabClusterClientsService,
  PrometheusClient,
} from '@homelab/plugin-homelab-node';
import { HomelabBackendConfig } from '../config';
import { HomelabStore } from '../database/HomelabStore';
import { createCapacityView } from '../capacity/capacityView';
import { createPowerView } from '../power/powerView';
import { createOpenApiRouter } from '../schema/openapi';
import { RequestAuthorization } from './RequestAuthorization';
import { backupRoutes } from './routes/backupRoutes';
import { blastRadiusRoutes } from './routes/blastRadiusRoutes';
import { capacityRoutes } from './routes/capacityRoutes';
import { driftRoutes } from './routes/driftRoutes';
import { fluxRoutes } from './routes/fluxRoutes';
import { freshnessRoutes } from './routes/freshnessRoutes';
import { RouteContext, RouteGroup } from './routes/HomelabApiRouter';
import { postureRoutes } from './routes/postureRoutes';
import { powerRoutes } from './routes/powerRoutes';
import { promotionRoutes } from './routes/promotionRoutes';
import { sloRoutes } from './routes/sloRoutes';
import { topologyRoutes } from './routes/topologyRoutes';
import { createSharedViews, SharedViews } from './sharedViews';

/** Everything the homelab REST API serves from and acts through. */
interface RouterOptions {
  config: HomelabBackendConfig;
  store: HomelabStore;
  /** The clusters Flux changes are sent to. */
  clusterClients: Pick<HomelabClusterClientsService, 'get' | 'list'>;
  /** The homelab's entities, for the topology and the drift view. */
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  /** Reads the GitOps repository for the promotion preview. */
  urlReader: UrlReaderService;
  /** homelab.prometheus, which the power and capacity reports ask. */
  prometheus?: PrometheusClient;
  /** The caches and Flux actions the plugin's actions share; built here when not given. */
  shared?: SharedViews;
  /** Checks every answer against the OpenAPI spec too; for tests. */
  validateResponses?: boolean;
}

/** The API's areas; a new area is a RouteGroup added here. */
const ROUTE_GROUPS: RouteGroup[] = [
  freshnessRoutes,
  topologyRoutes,
  blastRadiusRoutes,
  postureRoutes,
  sloRoutes,
  fluxRoutes,
  driftRoutes,
  promotionRoutes,
  powerRoutes,
  capacityRoutes,
  backupRoutes,
];

/** The homelab REST API, typed and validated by src/schema/openapi.yaml. */
export async function createRouter(options: RouterOptions) {
  const { config, store } = options;
  const router = await createOpenApiRouter(
    options.validateResponses
      ? { validatorOptions: { validateResponses: true } }
      : undefined,
  );
  const { freshness, views, flux, recovery } =
    options.shared ?? createSharedViews(options);
  const context: RouteContext = {
    store,
    freshness,
    views,
    power: createPowerView({
      model: views.model,
      store,
      prometheus: options.prometheus,
      settings: config.power,
      logger: options.logger,
    }),
    capacity: createCapacityView({
      model: views.model,
      store,
      prometheus: options.prometheus,
      logger: options.logger,
    }),
    flux,
    recovery,
    authorization: new RequestAuthorization(
      options.httpAuth,
      options.permissions,
    ),
    auditor: options.auditor,
    promotion: config.promotion,
    urlReader: options.urlReader,
  };
  for (const addRoutes of ROUTE_GROUPS) addRoutes(router, context);
  return router;
}
