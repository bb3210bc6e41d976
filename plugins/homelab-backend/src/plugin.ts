import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { homelabPermissions } from '@homelab/plugin-homelab-common';
import { readPrometheusClient } from '@homelab/plugin-homelab-node';
import { registerHomelabActions } from './actions/registerHomelabActions';
import { createCollectors } from './collectors/createCollectors';
import { readHomelabBackendConfig } from './config';
import { DatabaseHomelabStore } from './database/DatabaseHomelabStore';
import { createConditionNotifications } from './notifications/createConditionNotifications';
import { homelabBackendDeps } from './pluginDeps';
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
      deps: homelabBackendDeps,
      async init(deps) {
        const config = readHomelabBackendConfig(deps.rootConfig);
        const store = await DatabaseHomelabStore.create(deps.database);
        const prometheus = readPrometheusClient(deps.rootConfig);
        deps.permissionsRegistry.addPermissions(homelabPermissions);

        const clients = deps.clusterClients.list();
        const base = { ...deps, config, store, prometheus };
        const collectors = createCollectors({ ...base, clients });
        const shared = createSharedViews(base);
        const afterCollection = await createConditionNotifications({
          ...base,
          shared,
        });
        await scheduleTasks({ ...base, collectors, afterCollection });

        deps.httpRouter.use(await createRouter({ ...base, shared }));
        registerHomelabActions({ ...base, shared });
      },
    });
  },
});
