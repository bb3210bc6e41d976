import { TopologyGraph } from '@homelab/plugin-homelab-common';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { HomelabStore } from '../database/HomelabStore';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { buildTopology } from './buildTopology';

/** The topology of the homelab model with the latest workload snapshots. */
export async function loadTopology(
  model: HomelabModel,
  store: Pick<HomelabStore, 'snapshots' | 'collections'>,
): Promise<TopologyGraph> {
  const [snapshots, freshness] = await Promise.all([
    store.snapshots.clusterSnapshots<WorkloadSnapshot>('workloads'),
    store.collections.freshness(['workloads']),
  ]);
  return buildTopology(
    model,
    snapshots.map(({ cluster, data }) => ({ cluster, snapshot: data })),
    freshness,
    new Date(),
  );
}
