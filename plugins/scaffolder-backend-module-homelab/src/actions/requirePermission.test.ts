import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { homelabNodeProvisionPermission } from '@homelab/plugin-homelab-common';
import { requirePermission } from './requirePermission';

describe('requirePermission', () => {
  const credentials = mockCredentials.user('user:default/someone');
  const ctx = { getInitiatorCredentials: async () => credentials };
  const decide = (result: AuthorizeResult) => {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([{ result } as any]);
    return permissions;
  };

  it("asks about the permission with the credentials of the template's user, and lets an allowed one on", async () => {
    const permissions = decide(AuthorizeResult.ALLOW);
    await expect(
      requirePermission(
        permissions,
        ctx,
        homelabNodeProvisionPermission,
        'provision nodes',
      ),
    ).resolves.toBeUndefined();
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: homelabNodeProvisionPermission }],
      { credentials },
    );
  });

  it.each([AuthorizeResult.DENY, AuthorizeResult.CONDITIONAL])(
    'stops the action on %s, saying what and which permission',
    async result => {
      const refused = requirePermission(
        decide(result),
        ctx,
        homelabNodeProvisionPermission,
        'provision nodes',
      );
      await expect(refused).rejects.toThrow(NotAllowedError);
      await expect(refused).rejects.toThrow(
        'You are not allowed to provision nodes (permission homelab.node.provision)',
      );
    },
  );
});
