import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogEntityDeletePermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  homelabFluxReconcilePermission,
  homelabFluxSuspendPermission,
  homelabPostureReadPermission,
  homelabReleasePromotePermission,
} from '@homelab/plugin-homelab-common';
import { HomelabPermissionPolicy } from './homelabPermissionPolicy';

const policyFor = (memberOf: string[], operatorGroups?: string[]) =>
  HomelabPermissionPolicy.fromConfig(
    new ConfigReader(
      operatorGroups ? { homelab: { permissions: { operatorGroups } } } : {},
    ),
    mockServices.userInfo({
      ownershipEntityRefs: ['user:default/someone', ...memberOf],
    }),
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

  it('lets only members of an operator group reconcile, suspend and promote', async () => {
    for (const permission of [
      homelabFluxReconcilePermission,
      homelabFluxSuspendPermission,
      homelabReleasePromotePermission,
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

  it('denies every homelab change when no operator group is configured', async () => {
    expect(
      await decide(policyFor(ADMINS), homelabFluxReconcilePermission),
    ).toBe(AuthorizeResult.DENY);
  });

  it("leaves other plugins' permissions allowed, as the allow-all policy did", async () => {
    expect(
      await decide(policyFor([], ADMINS), catalogEntityDeletePermission),
    ).toBe(AuthorizeResult.ALLOW);
  });
});
