import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  homelabFluxReconcilePermission,
  homelabNodeProvisionPermission,
  homelabPostureReadPermission,
} from '@homelab/plugin-homelab-common';
import request from 'supertest';
import { permissionModuleHomelabPolicy } from './module';

const ADMINS = ['group:default/homelab-admins'];

describe('permissionModuleHomelabPolicy', () => {
  /** What the permission backend with the module decides for a user in `memberOf`. */
  async function decideInBackend(memberOf: string[], permission: any) {
    const backend = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleHomelabPolicy,
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
    expect(await decideInBackend([], homelabNodeProvisionPermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(await decideInBackend([], homelabPostureReadPermission)).toBe(
      AuthorizeResult.ALLOW,
    );
  });
});
