import type { V1Node } from '@kubernetes/client-node';
import type { LiveNodeFacts } from '@homelab/plugin-homelab-common';

/**
 * The facts of a live node that the catalog shows next to the inventory's.
 *
 * @public
 */
export function nodeFacts(node: V1Node, observedAt: Date): LiveNodeFacts {
  const info = node.status?.nodeInfo;
  const ready = node.status?.conditions?.find(
    condition => condition.type === 'Ready',
  );
  const readyStatus = ready?.status;
  const internalIP = node.status?.addresses?.find(
    address => address.type === 'InternalIP',
  )?.address;
  const capacity = node.status?.capacity ?? {};
  return {
    observedAt: observedAt.toISOString(),
    stale: false,
    kubeletVersion: info?.kubeletVersion,
    osImage: info?.osImage,
    kernelVersion: info?.kernelVersion,
    containerRuntime: info?.containerRuntimeVersion,
    architecture: info?.architecture,
    capacity: {
      cpu: capacity.cpu,
      memory: capacity.memory,
      pods: capacity.pods,
    },
    ready:
      readyStatus === 'True' || readyStatus === 'False'
        ? readyStatus
        : 'Unknown',
    ...(internalIP ? { internalIP } : {}),
  };
}
