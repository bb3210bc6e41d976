import type { ClusterClient } from '@homelab/plugin-homelab-node';
import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * A cluster that lists these objects, keyed by resource type as kubectl
 * names it ("pods", "jobs.batch"); every other type lists none.
 */
export function listingCluster(
  objects: Record<string, KubernetesObject[]>,
): ClusterClient {
  return {
    cluster: 'production',
    list: async (type: { group: string; plural: string }) =>
      objects[`${type.plural}${type.group ? `.${type.group}` : ''}`] ?? [],
  } as unknown as ClusterClient;
}
