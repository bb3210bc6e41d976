import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * Where the objects of a cluster come from.
 *
 * @public
 */
export type ClusterSource =
  | {
      type: 'api';
      url: string;
      caData?: string;
      caFile?: string;
      token?: string;
      tokenFile?: string;
      skipTLSVerify: boolean;
    }
  | { type: 'kubeconfig'; path: string; context?: string }
  | {
      type: 'snapshot';
      directory: string;
      /** When it was recorded: given, its times are replayed as if recorded now. */
      recordedAt?: Date;
    };

/**
 * How to reach one cluster of the inventory, from homelab.clusters.
 *
 * @public
 */
export interface ClusterConnection {
  /** The cluster's inventory name. */
  name: string;
  /** Where its objects come from. */
  source: ClusterSource;
  /** Time allowed for each request. */
  requestTimeoutMs: number;
  /** Items per page when listing. */
  pageSize: number;
}

/**
 * Default time allowed for each request to a cluster, 10 seconds.
 *
 * @public
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/**
 * Default number of items per page when listing, 250.
 *
 * @public
 */
export const DEFAULT_PAGE_SIZE = 250;

/** A snapshot's snapshotRecordedAt, which must be a time. */
function snapshotRecordedAt(
  entry: Config,
  name: string,
): { recordedAt?: Date } {
  const text = entry.getOptionalString('snapshotRecordedAt');
  if (text === undefined) return {};
  const recordedAt = new Date(text);
  if (Number.isNaN(recordedAt.getTime())) {
    throw new InputError(
      `homelab.clusters "${name}": snapshotRecordedAt is not a time (ISO 8601, like 2026-12-02T14:30:00Z)`,
    );
  }
  return { recordedAt };
}

/**
 * Reads homelab.clusters. Each cluster has exactly one source: a URL (with a
 * token or token file), a kubeconfig, or a snapshot folder. Mistakes are
 * reported with the cluster's name and never with its secrets.
 *
 * @public
 */
export function readClusterConnections(config: Config): ClusterConnection[] {
  const entries = config.getOptionalConfigArray('homelab.clusters') ?? [];
  const seen = new Set<string>();
  return entries.map(entry => {
    const name = entry.getString('name');
    if (seen.has(name)) {
      throw new InputError(`homelab.clusters lists cluster "${name}" twice`);
    }
    seen.add(name);
    const url = entry.getOptionalString('url');
    const kubeconfig = entry.getOptionalConfig('kubeconfig');
    const snapshotDirectory = entry.getOptionalString('snapshotDirectory');
    const sources = [url, kubeconfig, snapshotDirectory].filter(Boolean).length;
    if (sources !== 1) {
      throw new InputError(
        `homelab.clusters "${name}" needs exactly one of url, kubeconfig or snapshotDirectory`,
      );
    }
    let source: ClusterSource;
    if (url) {
      source = {
        type: 'api',
        url,
        caData: entry.getOptionalString('caData'),
        caFile: entry.getOptionalString('caFile'),
        token: entry.getOptionalString('token'),
        tokenFile: entry.getOptionalString('tokenFile'),
        skipTLSVerify: entry.getOptionalBoolean('skipTLSVerify') ?? false,
      };
    } else if (kubeconfig) {
      source = {
        type: 'kubeconfig',
        path: kubeconfig.getString('path'),
        context: kubeconfig.getOptionalString('context'),
      };
    } else {
      source = {
        type: 'snapshot',
        directory: snapshotDirectory!,
        ...snapshotRecordedAt(entry, name),
      };
    }
    return {
      name,
      source,
      requestTimeoutMs:
        entry.getOptionalNumber('requestTimeoutMs') ??
        DEFAULT_REQUEST_TIMEOUT_MS,
      pageSize: entry.getOptionalNumber('pageSize') ?? DEFAULT_PAGE_SIZE,
    };
  });
}
