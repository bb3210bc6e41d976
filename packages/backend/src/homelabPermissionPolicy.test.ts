import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogEntityDeletePermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  homelabFluxReconcilePermission,
  homelabFluxSuspendPermission,
  homelabPostureReadPermission,
  homelabReleasePromotePermission,
} from '@homelab/plugin-homelab-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import {
  HomelabPermissionPolicy,
  homelabPermissionPolicyModule,
} from './homelabPermissionPolicy';

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
});

describe('homelabPermissionPolicyModule', () => {
  /** What the permission backend with the module decides for a user in `memberOf`. */
  async function decideInBackend(memberOf: string[], permission: any) {
    const backend = await startTestBackend({
      features: [
        permissionPlugin,
        homelabPermissionPolicyModule,
        mockServices.userInfo.mock({
          getUserInfo: async () => ({
            userEntityRef: 'user:default/someone',
            ownershipEntityRefs: ['user:default/someone', ...memberOf],
          }),
        }).factory,
        mockServices.rootConfig.factory({
          data: { homelab: { permissions: { operatorGroups: ADMINS } } },
        }),
      ],
    });
    try {
      const response = await request(backend.server)
        .post('/api/permission/authorize')
        .set('Authorization', mockCredentials.user.header())
        .send({ items: [{ id: '1', permission }] })
        .expect(200);
      return response.body.items[0].result;
    } finally {
      await backend.stop();
    }
  }

  it("is the permission backend's policy, with the operator groups of the config", async () => {
    expect(await decideInBackend(ADMINS, homelabFluxReconcilePermission)).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(await decideInBackend([], homelabFluxReconcilePermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(await decideInBackend([], homelabPostureReadPermission)).toBe(
      AuthorizeResult.ALLOW,
    );
  });
});
