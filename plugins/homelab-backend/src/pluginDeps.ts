import { coreServices } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { homelabClusterClientsServiceRef } from '@homelab/plugin-homelab-node';

/** The services the homelab backend is built from. */
export const homelabBackendDeps = {
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
};
