import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  homelabNodeProvisionPermission,
  homelabReleasePromotePermission,
} from '@homelab/plugin-homelab-common';
import { createDocsGenerateAction } from './actions/docsGenerateAction';
import { createFluxDeployAction } from './actions/fluxDeployAction';
import { createFluxPromoteAction } from './actions/fluxPromoteAction';
import { createInventoryAddDeviceAction } from './actions/inventoryAddDeviceAction';
import { createNodeProvisionAction } from './actions/nodeProvisionAction';
import { createRepositoryCheckoutAction } from './actions/repositoryCheckoutAction';
import { createRepositoryCommitAction } from './actions/repositoryCommitAction';
import { readProvisioningHosts } from './provisioning/provisioningHosts';

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
      async init({
        scaffolder,
        config,
        discovery,
        auth,
        permissions,
        permissionsRegistry,
        reader,
      }) {
        permissionsRegistry.addPermissions([
          homelabReleasePromotePermission,
          homelabNodeProvisionPermission,
        ]);
        scaffolder.addActions(
          createFluxDeployAction({ config }),
          createFluxPromoteAction({ config, discovery, auth, permissions }),
          createNodeProvisionAction({
            hosts: readProvisioningHosts(config),
            permissions,
          }),
          createInventoryAddDeviceAction(),
          createDocsGenerateAction(),
          createRepositoryCheckoutAction({ config, reader }),
          createRepositoryCommitAction({ config }),
        );
      },
    });
  },
});
