import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { HomelabPermissionPolicy } from './HomelabPermissionPolicy';

/**
 * Makes {@link HomelabPermissionPolicy} the permission backend's policy, with
 * every non-homelab permission allowed.
 *
 * @public
 */
export const permissionModuleHomelabPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'homelab-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(HomelabPermissionPolicy.fromConfig(config, userInfo));
      },
    });
  },
});
