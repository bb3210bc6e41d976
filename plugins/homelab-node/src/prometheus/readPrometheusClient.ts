import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HttpPrometheusClient } from './HttpPrometheusClient';
import { PrometheusClient } from './PrometheusClient';
import { SnapshotPrometheusClient } from './SnapshotPrometheusClient';

/**
 * Default time allowed for a Prometheus query, 20 seconds.
 *
 * @public
 */
export const DEFAULT_PROMETHEUS_TIMEOUT_MS = 20_000;

/**
 * The Prometheus of homelab.prometheus: a live one (url) or recorded answers
 * (snapshotDirectory); undefined when none is configured.
 *
 * @public
 */
export function readPrometheusClient(
  config: Config,
): PrometheusClient | undefined {
  const prometheus = config.getOptionalConfig('homelab.prometheus');
  if (!prometheus) return undefined;
  const url = prometheus.getOptionalString('url');
  const snapshotDirectory = prometheus.getOptionalString('snapshotDirectory');
  if (!!url === !!snapshotDirectory) {
    throw new InputError(
      'homelab.prometheus needs exactly one of url or snapshotDirectory',
    );
  }
  if (snapshotDirectory) return new SnapshotPrometheusClient(snapshotDirectory);
  return new HttpPrometheusClient({
    url: url!,
    token: prometheus.getOptionalString('token'),
    username: prometheus.getOptionalString('username'),
    password: prometheus.getOptionalString('password'),
    requestTimeoutMs:
      prometheus.getOptionalNumber('requestTimeoutMs') ??
      DEFAULT_PROMETHEUS_TIMEOUT_MS,
  });
}
