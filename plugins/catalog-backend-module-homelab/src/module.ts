import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  createClusterClient,
  readClusterConnections,
  readInventoryLocations,
} from '@homelab/plugin-homelab-node';
import { HomelabEntityProcessor } from './processor/HomelabEntityProcessor';
import { HomelabInventoryProvider } from './provider/HomelabInventoryProvider';
import { createStatusRouter } from './status/createStatusRouter';
import { InventoryStatusStore } from './status/InventoryStatusStore';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 3 },
};

/**
 * The homelab catalog module: the processor that validates homelab entities
 * and emits their relations, one entity provider per configured inventory,
 * and the inventory status routes.
 *
 * @public
 */
export const catalogModuleHomelab = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'homelab',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        urlReader,
        database,
        httpRouter,
      }) {
        catalog.addProcessor(new HomelabEntityProcessor());

        const store = await InventoryStatusStore.create(database);
        httpRouter.use(createStatusRouter(store));

        const locations = readInventoryLocations(config);
        if (locations.length === 0) {
          logger.info(
            'No homelab.inventory.locations configured; homelab entities come only from catalog files',
          );
          return;
        }
        const clusterClients = new Map(
          readClusterConnections(config).map(connection => [
            connection.name,
            createClusterClient(connection),
          ]),
        );
        const definition = config.has('homelab.inventory.schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig('homelab.inventory.schedule'),
            )
          : DEFAULT_SCHEDULE;
        for (const location of locations) {
          catalog.addEntityProvider(
            new HomelabInventoryProvider({
              ...location,
              urlReader,
              logger,
              store,
              clusterClients,
              maxFileBytes: config.getOptionalNumber(
                'homelab.inventory.maxFileSizeBytes',
              ),
              schedule: { scheduler, definition },
              techdocs:
                config.getOptionalBoolean('homelab.inventory.techdocs') ??
                false,
            }),
          );
        }
      },
    });
  },
});
