import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Refuses an action unless its caller has the permission. The credentials
 * are the caller's own (the agent's user, on whose behalf the MCP backend
 * invokes the action), so an agent can do no more than its user could in
 * the portal.
 *
 * A change (any permission whose action is not `read`) needs a user: the
 * permission framework allows service principals everything, and an agent
 * with a static token reaches the homelab as the MCP backend's service
 * principal, so without this no policy could stop it.
 */
export async function requirePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<void> {
  const { type } = credentials.principal as { type?: string };
  if (permission.attributes.action !== 'read' && type !== 'user') {
    throw new NotAllowedError(
      `Not allowed: ${
        permission.name
      } is granted to signed-in users only, not to ${
        type ?? 'unknown'
      } credentials`,
    );
  }
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Not allowed: ${permission.name}`);
  }
}
