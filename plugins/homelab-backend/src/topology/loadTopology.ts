import { TopologyGraph } from '@homelab/plugin-homelab-common';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { HomelabStore } from '../database/HomelabStore';
import { FreshnessReader } from '../service/FreshnessReader';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { buildTopology } from './buildTopology';

/** The topology of the homelab model with the latest workload snapshots. */
export async function loadTopology(
  model: HomelabModel,
  store: Pick<HomelabStore, 'snapshots'>,
  freshness: FreshnessReader,
): Promise<TopologyGraph> {
  const [snapshots, sources] = await Promise.all([
    store.snapshots.clusterSnapshots<WorkloadSnapshot>('workloads'),
    freshness.read(['workloads']),
  ]);
  return buildTopology(
    model,
    snapshots.map(({ cluster, data }) => ({ cluster, snapshot: data })),
    sources,
    new Date(),
  );
}
