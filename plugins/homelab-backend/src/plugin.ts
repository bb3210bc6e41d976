import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { homelabPermissions } from '@homelab/plugin-homelab-common';
import {
  createClusterClient,
  readClusterConnections,
  readPrometheusClient,
} from '@homelab/plugin-homelab-node';
import { loadHomelabModel } from './catalog/loadHomelabModel';
import {
  CollectorName,
  collectorSchedule,
} from './collectors/collectorSchedule';
import { createCollectors } from './collectors/createCollectors';
import { HomelabStore } from './database/HomelabStore';
import { FluxActions } from './flux/FluxActions';
import { createRouter } from './service/createRouter';
import { RefreshingCache } from './service/RefreshingCache';
import { loadTopology } from './topology/loadTopology';

const DEFAULT_RETENTION_DAYS = 90;
const DEFAULT_CACHE_SECONDS = 30;

/**
 * The homelab backend: collectors for workloads, Flux, security reports and
 * SLOs on the scheduler, and the homelab REST API under /api/homelab.
 *
 * @public
 */
export const homelabPlugin = createBackendPlugin({
  pluginId: 'homelab',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
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
      },
      async init(deps) {
        const { config, logger, scheduler, catalog, auth } = deps;
        const store = await HomelabStore.create(deps.database);
        deps.permissionsRegistry.addPermissions(homelabPermissions);

        const clients = readClusterConnections(config).map(createClusterClient);
        const collectors = createCollectors({
          config,
          logger,
          store,
          clients,
          prometheus: readPrometheusClient(config),
          catalog,
          auth,
          urlReader: deps.urlReader,
        });
        for (const [name, collect] of Object.entries(collectors)) {
          await scheduler.scheduleTask({
            id: `homelab-collect-${name}`,
            ...collectorSchedule(config, name as CollectorName),
            // Always global, whatever the configured schedule says: replicas
            // must never collect twice.
            scope: 'global',
            fn: collect,
          });
        }
        if (!collectors.slo) {
          logger.info(
            'homelab.prometheus is not configured; SLOs are not evaluated',
          );
        }

        const retentionDays =
          config.getOptionalNumber('homelab.history.retentionDays') ??
          DEFAULT_RETENTION_DAYS;
        await scheduler.scheduleTask({
          id: 'homelab-prune-history',
          scope: 'global',
          frequency: { hours: 24 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 5 },
          fn: () =>
            store.prune(new Date(Date.now() - retentionDays * 86_400_000)),
        });

        const ttlMs =
          (config.getOptionalNumber('homelab.api.cacheSeconds') ??
            DEFAULT_CACHE_SECONDS) * 1000;
        const model = new RefreshingCache(
          'homelab model',
          () => loadHomelabModel(catalog, auth),
          logger,
          ttlMs,
        );
        const topology = new RefreshingCache(
          'homelab topology',
          async () =>
            JSON.stringify(await loadTopology(await model.get(), store)),
          logger,
          ttlMs,
        );

        deps.httpRouter.use(
          await createRouter({
            store,
            model,
            topology,
            flux: new FluxActions(
              new Map(clients.map(client => [client.cluster, client])),
              store,
            ),
            permissions: deps.permissions,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
