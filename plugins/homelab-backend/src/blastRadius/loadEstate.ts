import { HomelabModel } from '../catalog/loadHomelabModel';
import { HomelabStore } from '../database/HomelabStore';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { EstateRelations } from './EstateRelations';

/** The estate's relations with where the latest workload snapshots place each pod. */
export async function loadEstate(
  model: HomelabModel,
  store: Pick<HomelabStore, 'snapshots'>,
): Promise<EstateRelations> {
  const snapshots = await store.snapshots.clusterSnapshots<WorkloadSnapshot>(
    'workloads',
  );
  return new EstateRelations(
    model,
    snapshots.map(({ cluster, data }) => ({ cluster, snapshot: data })),
  );
}
