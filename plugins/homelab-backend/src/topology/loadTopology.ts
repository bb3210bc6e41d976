import { HomelabModel } from '../catalog/loadHomelabModel';
import { HomelabStore } from '../database/HomelabStore';
import { FreshnessReader } from '../service/FreshnessReader';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { buildTopology } from './buildTopology';
import { TimeSlicer } from './TimeSlicer';
import { PreparedTopology, prepareTopology } from './topologyViews';

/**
 * The topology of the homelab model with the latest workload snapshots,
 * built and serialised in slices, so that serving goes on meanwhile.
 */
export async function loadTopology(
  model: HomelabModel,
  store: Pick<HomelabStore, 'snapshots'>,
  freshness: FreshnessReader,
): Promise<PreparedTopology> {
  const [snapshots, sources] = await Promise.all([
    store.snapshots.clusterSnapshots<WorkloadSnapshot>('workloads'),
    freshness.read(['workloads']),
  ]);
  const slicer = new TimeSlicer();
  const graph = await buildTopology(
    model,
    snapshots.map(({ cluster, data }) => ({ cluster, snapshot: data })),
    sources,
    new Date(),
    slicer,
  );
  return prepareTopology(graph, slicer);
}
