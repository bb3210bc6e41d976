import { LoggerService } from '@backstage/backend-plugin-api';
import { CapacityReport } from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { HomelabStore } from '../database/HomelabStore';
import { RefreshingCache } from '../service/RefreshingCache';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { buildCapacityReport } from './buildCapacityReport';

/**
 * How long a capacity report is served before it is rebuilt: use is
 * sampled hourly for the trend, and each build asks Prometheus for 14 days.
 */
const CAPACITY_TTL_MS = 5 * 60_000;

/** The capacity report, built from the catalog model, the latest workloads and Prometheus, rebuilt in the background, and before it is served once the model has been rebuilt. */
export function createCapacityView(options: {
  model: RefreshingCache<HomelabModel>;
  store: Pick<HomelabStore, 'snapshots'>;
  prometheus?: PrometheusClient;
  logger: LoggerService;
}): RefreshingCache<CapacityReport> {
  const { model, store, prometheus, logger } = options;
  return new RefreshingCache({
    name: 'homelab capacity',
    build: async () => {
      const [{ resources }, workloads] = await Promise.all([
        model.get(),
        store.snapshots.clusterSnapshots<WorkloadSnapshot>('workloads'),
      ]);
      return buildCapacityReport({
        resources,
        workloads,
        prometheus,
        now: new Date(),
      });
    },
    logger,
    ttlMs: CAPACITY_TTL_MS,
    source: model,
  });
}
