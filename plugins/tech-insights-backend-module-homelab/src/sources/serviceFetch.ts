import { AuthService } from '@backstage/backend-plugin-api';

/**
 * A fetch that signs each request with this backend's own service token for
 * the target plugin: the fact retrievers run on the scheduler, with no user
 * on whose behalf to ask.
 */
export function serviceFetch(
  auth: AuthService,
  targetPluginId: string,
): { fetch: typeof fetch } {
  return {
    fetch: async (input, init) => {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId,
      });
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  };
}
