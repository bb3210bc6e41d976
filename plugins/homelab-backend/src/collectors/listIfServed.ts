import {
  ClusterClient,
  KubernetesResourceType,
} from '@homelab/plugin-homelab-node';
import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * Hands every page of a type to `onPage` (awaited before the next is read), and tells whether the cluster
 * serves the type at all: a group can be served without all of its kinds (an
 * older Trivy Operator has no ClusterComplianceReport), and the API server
 * answers 404 for those. Stops between pages once the signal aborts.
 * `pageSize` asks for smaller pages than configured, for large objects.
 */
export async function listIfServed<T extends KubernetesObject>(
  client: ClusterClient,
  type: KubernetesResourceType,
  onPage: (page: T[]) => unknown,
  signal?: AbortSignal,
  pageSize?: number,
): Promise<boolean> {
  try {
    for await (const page of client.listPages<T>(type, { pageSize })) {
      signal?.throwIfAborted();
      await onPage(page);
    }
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}
