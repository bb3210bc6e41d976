import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { HomelabApiClient } from '@homelab/plugin-homelab-common';
import { PromotionGateData } from '@homelab/plugin-homelab-node';

/**
 * The gates' data from homelab-backend's API, asked with the credentials of
 * the user who runs the template, so the user's own read permissions apply.
 */
export function homelabApiGateData(
  services: { discovery: DiscoveryService; auth: AuthService },
  credentials: BackstageCredentials,
): PromotionGateData {
  const client = new HomelabApiClient({
    discoveryApi: services.discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await services.auth.getPluginRequestToken({
          onBehalfOf: credentials,
          targetPluginId: 'homelab',
        });
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  });
  return {
    drift: () => inBackendWords(client.getDrift()),
    criticalFindings: (cluster, namespace) =>
      inBackendWords(
        client.getPostureFindings({
          cluster,
          namespace,
          severity: ['critical'],
          limit: 500,
        }),
      ),
    slos: () => inBackendWords(client.getSlos()),
    backups: (cluster, namespace) =>
      inBackendWords(client.getBackups({ cluster, namespace, limit: 500 })),
  };
}

/**
 * A failed answer with the backend's own words added: the gates' reasons and
 * the action's log show an error's message, and a ResponseError's message
 * gives only the status, its cause what the backend said.
 */
async function inBackendWords<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    const { message, cause } = error as Error & { cause?: Error };
    if (!cause?.message) throw error;
    throw new Error(`${message}: ${cause.message}`, { cause: error });
  }
}
