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
    drift: () => client.getDrift(),
    criticalFindings: (cluster, namespace) =>
      client.getPostureFindings({
        cluster,
        namespace,
        severity: ['critical'],
        limit: 500,
      }),
    slos: () => client.getSlos(),
  };
}
