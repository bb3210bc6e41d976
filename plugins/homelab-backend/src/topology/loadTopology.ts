import { TopologyGraph } from '@homelab/plugin-homelab-common';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { WORKLOADS_SOURCE } from '../collectors/WorkloadsCollector';
import { HomelabStore } from '../database/HomelabStore';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { buildTopology } from './buildTopology';

/** The topology of the homelab model with the latest workload snapshots. */
export async function loadTopology(
  model: HomelabModel,
  store: HomelabStore,
): Promise<TopologyGraph> {
  const [snapshots, freshness] = await Promise.all([
    store.clusterSnapshots<WorkloadSnapshot>(WORKLOADS_SOURCE),
    store.freshness([WORKLOADS_SOURCE]),
  ]);
  return buildTopology(
    model,
    snapshots.map(({ cluster, data }) => ({ cluster, snapshot: data })),
    freshness,
    new Date(),
  );
}
