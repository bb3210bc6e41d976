import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  BasicPermission,
  createPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';
import { RequestAuthorization } from './RequestAuthorization';

/*
 * Decisions are the caller's: the credentials of the request that asks go to
 * the permission framework with every permission, so that one user's rights
 * never answer another's request.
 */

const reconcile = createPermission({
  name: 'homelab.flux.reconcile',
  attributes: { action: 'update' },
});
const suspend = createPermission({
  name: 'homelab.flux.suspend',
  attributes: { action: 'update' },
});

/** A policy that lets the operator do what it lists, and nobody else anything. */
function operatorMay(allowed: BasicPermission[]) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async (requests, { credentials }) =>
    requests.map(({ permission }) => ({
      result:
        (credentials.principal as { userEntityRef?: string }).userEntityRef ===
          'user:default/operator' && allowed.includes(permission as any)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    })),
  );
  return new RequestAuthorization(mockServices.httpAuth(), permissions);
}

const requestBy = (user: string) =>
  ({
    headers: { authorization: mockCredentials.user.header(user) },
  } as unknown as Request);

describe('RequestAuthorization', () => {
  it("requires the permission of the request's own caller", async () => {
    const authorization = operatorMay([reconcile]);
    await expect(
      authorization.require(requestBy('user:default/operator'), reconcile),
    ).resolves.toBeUndefined();
    await expect(
      authorization.require(requestBy('user:default/guest'), reconcile),
    ).rejects.toThrow(
      expect.objectContaining({
        name: 'NotAllowedError',
        message: 'Not allowed: homelab.flux.reconcile',
      }),
    );
    await expect(
      authorization.require(requestBy('user:default/operator'), suspend),
    ).rejects.toThrow('Not allowed: homelab.flux.suspend');
  });

  it("requires any one of the permissions of the request's own caller", async () => {
    const authorization = operatorMay([suspend]);
    const either = [reconcile, suspend];
    await expect(
      authorization.requireAny(
        requestBy('user:default/operator'),
        either,
        'Changing Flux objects needs reconcile or suspend',
      ),
    ).resolves.toBeUndefined();
    await expect(
      authorization.requireAny(
        requestBy('user:default/guest'),
        either,
        'Changing Flux objects needs reconcile or suspend',
      ),
    ).rejects.toThrow(
      expect.objectContaining({
        name: 'NotAllowedError',
        message: 'Changing Flux objects needs reconcile or suspend',
      }),
    );
    await expect(
      authorization.requireAny(
        requestBy('user:default/operator'),
        [reconcile],
        'Reconciling needs reconcile',
      ),
    ).rejects.toThrow('Reconciling needs reconcile');
  });
});
