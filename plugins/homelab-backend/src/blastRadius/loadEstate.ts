import {
  BlastRadiusEstate,
  PlacedWorkload,
} from '@homelab/plugin-homelab-node';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { HomelabStore } from '../database/HomelabStore';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';

/** The homelab's resources with where each cluster's workload snapshot places each pod. */
export function estateOf(
  model: HomelabModel,
  clusters: Array<{ cluster: string; snapshot: WorkloadSnapshot }>,
): BlastRadiusEstate {
  const placed = clusters.flatMap(({ cluster, snapshot }) =>
    snapshot.workloads.map((workload): PlacedWorkload => {
      const entityRef = model.index.entityFor(
        cluster,
        workload.namespace,
        workload.labels,
      );
      return {
        cluster,
        kind: workload.kind,
        namespace: workload.namespace,
        name: workload.name,
        ...(entityRef ? { entityRef } : {}),
        ...(workload.nodes ? { nodes: workload.nodes } : {}),
      };
    }),
  );
  return new BlastRadiusEstate(model.resources, placed);
}

/** The estate with the latest workload snapshots. */
export async function loadEstate(
  model: HomelabModel,
  store: Pick<HomelabStore, 'snapshots'>,
): Promise<BlastRadiusEstate> {
  const snapshots = await store.snapshots.clusterSnapshots<WorkloadSnapshot>(
    'workloads',
  );
  return estateOf(
    model,
    snapshots.map(({ cluster, data }) => ({ cluster, snapshot: data })),
  );
}
