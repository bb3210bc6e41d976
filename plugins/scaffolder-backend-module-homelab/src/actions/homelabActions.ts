import {
  AuthService,
  DiscoveryService,
  PermissionsService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { readProvisioningHosts } from '../provisioning/provisioningHosts';
import { createDocsGenerateAction } from './docsGenerateAction';
import { createFluxDeployAction } from './fluxDeployAction';
import { createFluxPromoteAction } from './fluxPromoteAction';
import { createInventoryAddDeviceAction } from './inventoryAddDeviceAction';
import { createNodeProvisionAction } from './nodeProvisionAction';
import { createRepositoryCheckoutAction } from './repositoryCheckoutAction';
import { createRepositoryCommitAction } from './repositoryCommitAction';

/** Every homelab scaffolder action, each given what it uses of the backend. */
export function createHomelabActions(deps: {
  config: RootConfigService;
  discovery: DiscoveryService;
  auth: AuthService;
  permissions: PermissionsService;
  reader: UrlReaderService;
}) {
  const { config, discovery, auth, permissions, reader } = deps;
  return [
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
  ];
}
