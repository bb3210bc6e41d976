import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  homelabFluxReconcilePermission,
  homelabSloReadPermission,
} from '@homelab/plugin-homelab-common';
import { requirePermission } from './requirePermission';

describe('requirePermission', () => {
  const allowAll = mockServices.permissions();
  const denyAll = mockServices.permissions({ result: AuthorizeResult.DENY });
  const user = mockCredentials.user('user:default/someone');

  it('passes what the policy allows the caller, and refuses what it denies, naming the permission', async () => {
    await expect(
      requirePermission(allowAll, user, homelabFluxReconcilePermission),
    ).resolves.toBeUndefined();
    await expect(
      requirePermission(denyAll, user, homelabSloReadPermission),
    ).rejects.toThrow('Not allowed: homelab.slo.read');
  });

  it('refuses a change to service credentials, which the permission framework allows everything', async () => {
    const service = mockCredentials.service('plugin:mcp-actions');
    await expect(
      requirePermission(allowAll, service, homelabFluxReconcilePermission),
    ).rejects.toThrow(
      'Not allowed: homelab.flux.reconcile is granted to signed-in users only, not to service credentials',
    );
    // Reads stay open to services, as the REST API's are.
    await expect(
      requirePermission(allowAll, service, homelabSloReadPermission),
    ).resolves.toBeUndefined();
  });
});
