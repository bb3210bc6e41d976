import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { AuthorizePermissionRequest } from '@backstage/plugin-permission-common';
import { HomelabPermissionPolicy } from '@homelab/plugin-permission-backend-module-homelab';

/**
 * The portal's permission policy, decided in-process: the permission
 * backend refuses the user tokens of mock auth where a real backend sends
 * on-behalf-of tokens, so its policy is asked directly.
 */
export const portalPolicyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: { config: coreServices.rootConfig, userInfo: coreServices.userInfo },
  factory({ config, userInfo }) {
    const policy = HomelabPermissionPolicy.fromConfig(config, userInfo);
    const decide = async (
      requests: AuthorizePermissionRequest[],
      { credentials }: { credentials: BackstageCredentials },
    ) =>
      Promise.all(
        requests.map(async ({ permission }) => {
          const { principal } = credentials as BackstageCredentials<{
            type: string;
          }>;
          const user =
            principal.type === 'user'
              ? {
                  credentials:
                    credentials as BackstageCredentials<BackstageUserPrincipal>,
                  info: await userInfo.getUserInfo(credentials),
                  identity: undefined as any,
                  token: '',
                }
              : undefined;
          return { result: (await policy.handle({ permission }, user)).result };
        }),
      );
    return { authorize: decide, authorizeConditional: decide } as any;
  },
});
