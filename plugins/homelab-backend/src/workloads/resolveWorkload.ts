import { ReportTarget } from '../security/reports';
import { ownedKind, WorkloadSnapshot, ownerKey } from './WorkloadSnapshot';

/**
 * The workload a report is about: a Pod, ReplicaSet or Job is followed up
 * its owners (Pod -> ReplicaSet -> Deployment, Pod -> Job -> CronJob),
 * because people think in Deployments and CronJobs while scanners report
 * ReplicaSets and Pods, and a CronJob's Job is named anew every run.
 */
export function resolveWorkload(
  target: ReportTarget,
  snapshot: Pick<WorkloadSnapshot, 'owners'> | undefined,
): ReportTarget {
  let current = target;
  for (let hops = 0; hops < 3; hops++) {
    // Looking up a kind the snapshot keeps no owners of finds nothing,
    // after hashing a new key: once per report, thousands a collection.
    if (!ownedKind(current.kind)) break;
    const owner =
      snapshot?.owners[ownerKey(current.kind, current.namespace, current.name)];
    if (!owner) break;
    current = {
      kind: owner.kind,
      name: owner.name,
      ...(current.namespace ? { namespace: current.namespace } : {}),
    };
  }
  return current;
}
