import { ClusterClient } from '@homelab/plugin-homelab-node';
import { PolarisLocation } from '../config';
import { PolarisAudit } from '../security/polaris';

/** Time allowed for reading a configured Polaris URL. */
const POLARIS_URL_TIMEOUT_MS = 20_000;

/**
 * Where each cluster's Polaris audit is read: the dashboard's results.json
 * through the cluster's API server proxy, or a URL the operator configured
 * for that cluster (homelab.collectors.security.polaris).
 */
export class PolarisSource {
  constructor(private readonly location: PolarisLocation) {}

  /**
   * The audit of a cluster; undefined when the dashboard service does not
   * exist (Polaris is not installed). Other failures throw.
   */
  async read(client: ClusterClient): Promise<PolarisAudit | undefined> {
    const url = this.location.urls.get(client.cluster);
    if (url) return this.#readUrl(client.cluster, url);
    let text: string;
    try {
      text = await client.proxyGet(this.location.dashboard);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404)
        return undefined;
      throw error;
    }
    return parseAudit(client.cluster, text);
  }

  /** Where the audit of a cluster is read, as warnings name it: never a configured URL's path or credentials. */
  locationOf(cluster: string): string {
    const url = this.location.urls.get(cluster);
    if (url) return new URL(url).origin;
    const { namespace, service, path } = this.location.dashboard;
    return `${namespace}/${service}/${path}`;
  }

  notFoundWarning(cluster: string): string {
    const { namespace, service } = this.location.dashboard;
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
