import { ReportTarget } from '../security/reports';
import { WorkloadSnapshot, ownerKey } from './WorkloadSnapshot';

/**
 * The workload a report is about: a Pod or ReplicaSet is followed up its
 * owners (Pod -> ReplicaSet -> Deployment, Pod -> Job -> CronJob), because
 * people think in Deployments while scanners report ReplicaSets.
 */
export function resolveWorkload(
  target: ReportTarget,
  snapshot: Pick<WorkloadSnapshot, 'owners'> | undefined,
): ReportTarget {
  let current = target;
  for (let hops = 0; hops < 3; hops++) {
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
