import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { homelabPermissions } from '@homelab/plugin-homelab-common';

const HOMELAB_PERMISSION_NAMES = new Set(homelabPermissions.map(p => p.name));

/**
 * The portal's permission policy: anyone signed in may read everything the
 * homelab plugins serve; changing clusters or the GitOps repository
 * (reconcile, suspend, promote) is for members of the operator groups in
 * homelab.permissions.operatorGroups. Every other permission is allowed,
 * as with Backstage's allow-all policy.
 */
export class HomelabPermissionPolicy implements PermissionPolicy {
  static fromConfig(
    config: Config,
    userInfo: UserInfoService,
  ): HomelabPermissionPolicy {
    return new HomelabPermissionPolicy(
      config.getOptionalStringArray('homelab.permissions.operatorGroups') ?? [],
      userInfo,
    );
  }

  constructor(
    private readonly operatorGroups: string[],
    private readonly userInfo: UserInfoService,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (
      !HOMELAB_PERMISSION_NAMES.has(permission.name) ||
      permission.attributes.action === 'read'
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user || this.operatorGroups.length === 0) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    return {
      result: this.operatorGroups.some(group =>
        ownershipEntityRefs.includes(group),
      )
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  }
}

/** Installs {@link HomelabPermissionPolicy} in the permission backend. */
export const homelabPermissionPolicyModule = createBackendModule({
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
