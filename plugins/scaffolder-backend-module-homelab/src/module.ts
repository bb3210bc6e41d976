import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  homelabNodeProvisionPermission,
  homelabReleasePromotePermission,
} from '@homelab/plugin-homelab-common';
import { createHomelabActions } from './actions/homelabActions';

/**
 * The homelab scaffolder actions: homelab:flux:deploy, homelab:flux:promote,
 * homelab:node:provision, homelab:inventory:add-device,
 * homelab:docs:generate, homelab:repository:checkout and
 * homelab:repository:commit.
 *
 * @public
 */
export const scaffolderModuleHomelab = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'homelab',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        reader: coreServices.urlReader,
      },
      async init({ scaffolder, permissionsRegistry, ...deps }) {
        permissionsRegistry.addPermissions([
          homelabReleasePromotePermission,
          homelabNodeProvisionPermission,
        ]);
        scaffolder.addActions(...createHomelabActions(deps));
      },
    });
  },
});
