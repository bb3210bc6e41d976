import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/** Decides, per request, what its caller may do; refusals are NotAllowedErrors (403). */
export class RequestAuthorization {
  constructor(
    private readonly httpAuth: HttpAuthService,
    private readonly permissions: PermissionsService,
  ) {}

  /** Refuses the request unless its caller has the permission. */
  async require(
    request: Request<any, any, any, any>,
    permission: BasicPermission,
  ): Promise<void> {
    const credentials = await this.httpAuth.credentials(request);
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /** Refuses the request unless its caller has at least one of the permissions. */
  async requireAny(
    request: Request<any, any, any, any>,
    permissions: BasicPermission[],
    refusal: string,
  ): Promise<void> {
    const credentials = await this.httpAuth.credentials(request);
    const decisions = await this.permissions.authorize(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
    if (decisions.every(d => d.result !== AuthorizeResult.ALLOW)) {
      throw new NotAllowedError(refusal);
    }
  }
}
