import { Config } from '@backstage/config';
import {
  ClusterClient,
  ServiceProxyTarget,
} from '@homelab/plugin-homelab-node';
import { PolarisAudit } from '../security/polaris';

/** Time allowed for reading a configured Polaris URL. */
const POLARIS_URL_TIMEOUT_MS = 20_000;

/** The Polaris dashboard as its Helm chart installs it. */
const DEFAULT_DASHBOARD: ServiceProxyTarget = {
  namespace: 'polaris',
  service: 'polaris-dashboard',
  path: 'results.json',
};

/**
 * Where each cluster's Polaris audit is read: the dashboard's results.json
 * through the cluster's API server proxy, or a URL the operator configured
 * for that cluster (homelab.collectors.security.polaris).
 */
export class PolarisSource {
  static fromConfig(config: Config): PolarisSource {
    const polaris = config.getOptionalConfig(
      'homelab.collectors.security.polaris',
    );
    const urls = polaris?.getOptionalConfig('urls');
    return new PolarisSource(
      {
        namespace:
          polaris?.getOptionalString('namespace') ??
          DEFAULT_DASHBOARD.namespace,
        service:
          polaris?.getOptionalString('service') ?? DEFAULT_DASHBOARD.service,
        port: polaris?.getOptional<string | number>('port'),
        path: polaris?.getOptionalString('path') ?? DEFAULT_DASHBOARD.path,
      },
      new Map(
        (urls?.keys() ?? []).map(cluster => [
          cluster,
          urls!.getString(cluster),
        ]),
      ),
    );
  }

  constructor(
    private readonly dashboard: ServiceProxyTarget,
    private readonly urls: ReadonlyMap<string, string>,
  ) {}

  /**
   * The audit of a cluster; undefined when the dashboard service does not
   * exist (Polaris is not installed). Other failures throw.
   */
  async read(client: ClusterClient): Promise<PolarisAudit | undefined> {
    const url = this.urls.get(client.cluster);
    if (url) return this.#readUrl(client.cluster, url);
    let text: string;
    try {
      text = await client.proxyGet(this.dashboard);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404)
        return undefined;
      throw error;
    }
    return parseAudit(client.cluster, text);
  }

  notFoundWarning(cluster: string): string {
    const { namespace, service } = this.dashboard;
    return `Polaris is not installed in cluster "${cluster}": no service ${namespace}/${service}`;
  }

  async #readUrl(cluster: string, url: string): Promise<PolarisAudit> {
    // The URL may carry credentials: errors name only its origin.
    const origin = new URL(url).origin;
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(POLARIS_URL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(
        `Polaris of cluster "${cluster}" at ${origin}: ${
          (error as Error).name === 'TimeoutError'
            ? 'timed out'
            : (error as Error).message
        }`,
      );
    }
    if (!response.ok) {
      throw new Error(
        `Polaris of cluster "${cluster}" at ${origin} answered HTTP ${response.status}`,
      );
    }
    return parseAudit(cluster, await response.text());
  }
}

function parseAudit(cluster: string, text: string): PolarisAudit {
  try {
    return JSON.parse(text) as PolarisAudit;
  } catch {
    throw new Error(
      `Polaris of cluster "${cluster}" answered something that is not JSON`,
    );
  }
}
