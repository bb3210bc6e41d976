import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { PromotionGateData } from '@homelab/plugin-homelab-node';

/**
 * The gates' data from homelab-backend's API, asked with the credentials of
 * the user who runs the template, so the user's own read permissions apply.
 */
export function homelabApiGateData(
  services: { discovery: DiscoveryService; auth: AuthService },
  credentials: BackstageCredentials,
): PromotionGateData {
  const api = async <T>(path: string): Promise<T> => {
    const baseUrl = await services.discovery.getBaseUrl('homelab');
    const { token } = await services.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'homelab',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new Error(
        `homelab API ${path.split('?')[0]} answered ${response.status}`,
      );
    }
    return (await response.json()) as T;
  };
  return {
    drift: () => api('/drift'),
    criticalFindings: (cluster, namespace) =>
      api(
        `/posture/findings?cluster=${encodeURIComponent(
          cluster,
        )}&namespace=${encodeURIComponent(
          namespace,
        )}&severity=critical&limit=500`,
      ),
    slos: () => api('/slos'),
  };
}
