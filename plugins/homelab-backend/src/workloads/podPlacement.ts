import type { V1Pod } from '@kubernetes/client-node';
import { holdsNode } from './nodeResources';
import { resolveWorkload } from './resolveWorkload';
import { WorkloadSnapshot, ownerKey } from './WorkloadSnapshot';

/**
 * Where each workload runs: its pods per node, keyed like the owners
 * ("Kind/namespace/name" of the Deployment, StatefulSet or DaemonSet), each
 * pod followed up its owners as the security reports are.
 */
export function podPlacement(
  pods: V1Pod[],
  owners: WorkloadSnapshot['owners'],
): Map<string, Record<string, number>> {
  const placement = new Map<string, Record<string, number>>();
  for (const pod of pods.filter(holdsNode)) {
    const namespace = pod.metadata?.namespace;
    const workload = resolveWorkload(
      {
        kind: 'Pod',
        name: pod.metadata?.name ?? '',
        ...(namespace ? { namespace } : {}),
      },
      { owners },
    );
    const key = ownerKey(workload.kind, namespace, workload.name);
    const nodes = placement.get(key) ?? {};
    const node = pod.spec!.nodeName!;
    nodes[node] = (nodes[node] ?? 0) + 1;
    placement.set(key, nodes);
  }
  return placement;
}
