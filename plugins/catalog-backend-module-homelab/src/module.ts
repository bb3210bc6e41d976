import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { homelabClusterClientsServiceRef } from '@homelab/plugin-homelab-node';
import { HomelabEntityProcessor } from './processor/HomelabEntityProcessor';
import { HomelabInventoryProvider } from './provider/HomelabInventoryProvider';
import { createStatusRouter } from './status/createStatusRouter';
import { InventoryStatusStore } from './status/InventoryStatusStore';

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
        clusterClients: homelabClusterClientsServiceRef,
      },
      async init({ catalog, config, database, httpRouter, ...services }) {
        catalog.addProcessor(new HomelabEntityProcessor());
        const store = await InventoryStatusStore.create(database);
        httpRouter.use(createStatusRouter(store));
        // logger, scheduler, urlReader and clusterClients: what the providers use.
        catalog.addEntityProvider(
          HomelabInventoryProvider.fromConfig(config, { ...services, store }),
        );
      },
    });
  },
});
