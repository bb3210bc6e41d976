import { UserInfoService } from '@backstage/backend-plugin-api';
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
import { homelabPermissions } from '@homelab/plugin-homelab-common';

const HOMELAB_PERMISSION_NAMES = new Set(homelabPermissions.map(p => p.name));

/** Backstage's allow-all policy: what the homelab policy falls back to by default. */
const allowAll: PermissionPolicy = {
  /** Decides one permission request of one user (none for a service). */
  async handle() {
    return { result: AuthorizeResult.ALLOW };
  },
};

/**
 * Options of {@link HomelabPermissionPolicy}.
 *
 * @public
 */
export interface HomelabPermissionPolicyOptions {
  /**
   * Decides every permission that is not a homelab one: your own policy, to
   * compose the two. Without it, those are allowed, as by Backstage's
   * allow-all policy.
   */
  fallback?: PermissionPolicy;
}

/**
 * Anyone signed in may read everything the homelab plugins serve; changing
 * clusters, the GitOps repository or the hardware (reconcile, suspend,
 * promote, provision: every homelab permission whose action is not `read`) is
 * for members of the groups in `homelab.permissions.operatorGroups`. Every
 * other permission goes to the fallback policy.
 *
 * @public
 */
export class HomelabPermissionPolicy implements PermissionPolicy {
  /** The policy for the operator groups of `homelab.permissions.operatorGroups`. */
  static fromConfig(
    config: Config,
    userInfo: UserInfoService,
    options: HomelabPermissionPolicyOptions = {},
  ): HomelabPermissionPolicy {
    return new HomelabPermissionPolicy(
      config.getOptionalStringArray('homelab.permissions.operatorGroups') ?? [],
      userInfo,
      options.fallback ?? allowAll,
    );
  }

  private constructor(
    private readonly operatorGroups: string[],
    private readonly userInfo: UserInfoService,
    private readonly fallback: PermissionPolicy,
  ) {}

  /** Decides one permission request of one user (none for a service). */
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!HOMELAB_PERMISSION_NAMES.has(permission.name)) {
      return this.fallback.handle(request, user);
    }
    if (permission.attributes.action === 'read') {
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
