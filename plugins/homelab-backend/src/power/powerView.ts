import { LoggerService } from '@backstage/backend-plugin-api';
import { PowerReport } from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { HomelabStore } from '../database/HomelabStore';
import { RefreshingCache } from '../service/RefreshingCache';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { buildPowerReport } from './buildPowerReport';
import { PowerSettings } from './PowerSettings';

/**
 * How long a power report is served before it is rebuilt: its figures are
 * quarter-hour averages, and each build asks Prometheus for 30 days per
 * measured device.
 */
const POWER_TTL_MS = 5 * 60_000;

/** The power report, built from the catalog model, the latest workloads and Prometheus, rebuilt in the background, and before it is served once the model has been rebuilt. */
export function createPowerView(options: {
  model: RefreshingCache<HomelabModel>;
  store: Pick<HomelabStore, 'snapshots'>;
  prometheus?: PrometheusClient;
  settings: PowerSettings;
  logger: LoggerService;
}): RefreshingCache<PowerReport> {
  const { model, store, prometheus, settings, logger } = options;
  return new RefreshingCache({
    name: 'homelab power',
    build: async () => {
      const [{ resources, index }, snapshots] = await Promise.all([
        model.get(),
        store.snapshots.clusterSnapshots<WorkloadSnapshot>('workloads'),
      ]);
      return buildPowerReport({
        resources,
        index,
        workloads: new Map(snapshots.map(s => [s.cluster, s.data])),
        prometheus,
        settings,
        now: new Date(),
      });
    },
    logger,
    ttlMs: POWER_TTL_MS,
    source: model,
  });
}
