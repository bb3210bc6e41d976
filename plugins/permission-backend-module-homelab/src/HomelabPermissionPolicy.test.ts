import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogEntityDeletePermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import {
  homelabFluxReconcilePermission,
  homelabFluxSuspendPermission,
  homelabNodeProvisionPermission,
  homelabPostureReadPermission,
  homelabReleasePromotePermission,
} from '@homelab/plugin-homelab-common';
import { HomelabPermissionPolicy } from './HomelabPermissionPolicy';

const policyFor = (
  memberOf: string[],
  operatorGroups?: string[],
  fallback?: PermissionPolicy,
) =>
  HomelabPermissionPolicy.fromConfig(
    new ConfigReader(
      operatorGroups ? { homelab: { permissions: { operatorGroups } } } : {},
    ),
    mockServices.userInfo({
      ownershipEntityRefs: ['user:default/someone', ...memberOf],
    }),
    { fallback },
  );

const decide = async (
  policy: HomelabPermissionPolicy,
  permission: any,
  signedIn = true,
) =>
  (
    await policy.handle(
      { permission },
      signedIn
        ? {
            credentials: mockCredentials.user('user:default/someone'),
            info: {
              userEntityRef: 'user:default/someone',
              ownershipEntityRefs: [],
            },
          }
        : undefined,
    )
  ).result;

const ADMINS = ['group:default/homelab-admins'];

describe('HomelabPermissionPolicy', () => {
  it('lets everyone read homelab data', async () => {
    expect(
      await decide(policyFor([], ADMINS), homelabPostureReadPermission),
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('lets only members of an operator group reconcile, suspend, promote and provision', async () => {
    for (const permission of [
      homelabFluxReconcilePermission,
      homelabFluxSuspendPermission,
      homelabReleasePromotePermission,
      homelabNodeProvisionPermission,
    ]) {
      expect(
        await decide(policyFor(['group:default/family'], ADMINS), permission),
      ).toBe(AuthorizeResult.DENY);
      expect(await decide(policyFor(ADMINS, ADMINS), permission, false)).toBe(
        AuthorizeResult.DENY,
      );
      expect(await decide(policyFor(ADMINS, ADMINS), permission)).toBe(
        AuthorizeResult.ALLOW,
      );
    }
  });

  it('lets a member of any one of several operator groups change things', async () => {
    expect(
      await decide(
        policyFor(ADMINS, ['group:default/family', ...ADMINS]),
        homelabReleasePromotePermission,
      ),
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('denies every homelab change when no operator group is configured, without looking the user up', async () => {
    const userInfo = mockServices.userInfo({
      ownershipEntityRefs: ['user:default/someone', ...ADMINS],
    });
    const getUserInfo = jest.spyOn(userInfo, 'getUserInfo');
    const policy = HomelabPermissionPolicy.fromConfig(
      new ConfigReader({}),
      userInfo,
    );
    expect(await decide(policy, homelabFluxReconcilePermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(getUserInfo).not.toHaveBeenCalled();
  });

  it("leaves other plugins' permissions allowed, as the allow-all policy did", async () => {
    expect(
      await decide(policyFor([], ADMINS), catalogEntityDeletePermission),
    ).toBe(AuthorizeResult.ALLOW);
  });

  it("composes with an existing policy: it decides other plugins' permissions, never the homelab ones", async () => {
    const denyAll: PermissionPolicy = {
      handle: async () => ({ result: AuthorizeResult.DENY }),
    };
    const policy = policyFor(ADMINS, ADMINS, denyAll);
    expect(await decide(policy, catalogEntityDeletePermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(await decide(policy, homelabPostureReadPermission)).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(await decide(policy, homelabFluxReconcilePermission)).toBe(
      AuthorizeResult.ALLOW,
    );
  });
});
