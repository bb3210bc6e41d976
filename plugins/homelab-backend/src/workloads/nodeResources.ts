import type { V1Container, V1Node, V1Pod } from '@kubernetes/client-node';
import { parseQuantity } from '@homelab/plugin-homelab-common';
import { NodeResources } from './WorkloadSnapshot';

type Requests = NodeResources['requests'];

const none = (): Requests => ({
  cpuCores: 0,
  memoryBytes: 0,
  ephemeralStorageBytes: 0,
});

const KEYS: Array<[keyof Requests, string]> = [
  ['cpuCores', 'cpu'],
  ['memoryBytes', 'memory'],
  ['ephemeralStorageBytes', 'ephemeral-storage'],
];

function add(total: Requests, quantities: Record<string, string> | undefined) {
  for (const [key, name] of KEYS)
    total[key] += parseQuantity(quantities?.[name]) ?? 0;
}

const containerRequests = (containers: V1Container[]) => {
  const total = none();
  for (const container of containers) add(total, container.resources?.requests);
  return total;
};

/**
 * What a pod asks its node for, as the scheduler counts it: its containers
 * and sidecars (init containers that keep running) together, or the
 * largest other init container if that asks for more, plus the pod
 * overhead of its runtime class. A container without requests asks for
 * nothing.
 */
export function podRequests(pod: V1Pod): Requests {
  const inits = pod.spec?.initContainers ?? [];
  const sidecars = inits.filter(c => c.restartPolicy === 'Always');
  const running = containerRequests([
    ...(pod.spec?.containers ?? []),
    ...sidecars,
  ]);
  for (const init of inits.filter(c => c.restartPolicy !== 'Always')) {
    const alone = containerRequests([init]);
    for (const [key] of KEYS) running[key] = Math.max(running[key], alone[key]);
  }
  add(running, pod.spec?.overhead);
  return running;
}

/** Pods that hold their node: scheduled, and neither Succeeded nor Failed. */
export const holdsNode = (pod: V1Pod) =>
  !!pod.spec?.nodeName &&
  pod.status?.phase !== 'Succeeded' &&
  pod.status?.phase !== 'Failed';

/**
 * Each node's allocatable resources (status.allocatable) and the requests
 * of the pods that hold it, summed. An allocatable figure the node does not
 * state or that cannot be read is left out: unknown, not zero.
 */
export function nodeResources(nodes: V1Node[], pods: V1Pod[]): NodeResources[] {
  const byNode = new Map<string, NodeResources>();
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    const allocatable = node.status?.allocatable ?? {};
    const figures: NodeResources['allocatable'] = {
      cpuCores: parseQuantity(allocatable.cpu),
      memoryBytes: parseQuantity(allocatable.memory),
      pods: parseQuantity(allocatable.pods),
      ephemeralStorageBytes: parseQuantity(allocatable['ephemeral-storage']),
    };
    byNode.set(name, {
      name,
      allocatable: Object.fromEntries(
        Object.entries(figures).filter(([, value]) => value !== undefined),
      ),
      requests: none(),
      pods: 0,
    });
  }
  for (const pod of pods.filter(holdsNode)) {
    const node = byNode.get(pod.spec!.nodeName!);
    if (!node) continue;
    node.pods += 1;
    const requests = podRequests(pod);
    for (const [key] of KEYS) node.requests[key] += requests[key];
  }
  return [...byNode.values()];
}
