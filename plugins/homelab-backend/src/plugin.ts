import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { homelabPermissions } from '@homelab/plugin-homelab-common';
import {
  homelabClusterClientsServiceRef,
  readPrometheusClient,
} from '@homelab/plugin-homelab-node';
import { registerHomelabActions } from './actions/registerHomelabActions';
import { createCollectors } from './collectors/createCollectors';
import { readHomelabBackendConfig } from './config';
import { DatabaseHomelabStore } from './database/DatabaseHomelabStore';
import { createConditionNotifications } from './notifications/createConditionNotifications';
import { scheduleTasks } from './scheduleTasks';
import { createRouter } from './service/createRouter';
import { createSharedViews } from './service/sharedViews';

/**
 * The homelab backend: collectors for workloads, Flux, security reports and
 * SLOs on the scheduler, the homelab REST API under /api/homelab, and the
 * homelab actions in the actions registry (for agents, through MCP).
 *
 * @public
 */
export const homelabPlugin = createBackendPlugin({
  pluginId: 'homelab',
  register(env) {
    env.registerInit({
      deps: {
        rootConfig: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        clusterClients: homelabClusterClientsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { rootConfig, clusterClients } = deps;
        const config = readHomelabBackendConfig(rootConfig);
        const store = await DatabaseHomelabStore.create(deps.database);
        const prometheus = readPrometheusClient(rootConfig);
        deps.permissionsRegistry.addPermissions(homelabPermissions);

        const collectors = createCollectors({
          ...deps,
          config,
          store,
          clients: clusterClients.list(),
          prometheus,
        });
        const shared = createSharedViews({ ...deps, config, store });
        const afterCollection = await createConditionNotifications({
          ...deps,
          store,
          shared,
        });
        await scheduleTasks({
          ...deps,
          config,
          collectors,
          store,
          afterCollection,
        });

        deps.httpRouter.use(
          await createRouter({ ...deps, config, store, prometheus, shared }),
        );
        registerHomelabActions({ ...deps, store, shared });
      },
    });
  },
});
