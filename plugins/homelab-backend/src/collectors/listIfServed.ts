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
 *
 * A page is let go once `onPage` is done with it, before the next is read:
 * `for await` held it until the next page arrived, so that two pages were
 * alive while the next was fetched and parsed (issue 12: memory bounded by
 * one page).
 */
export async function listIfServed<T extends KubernetesObject>(
  client: ClusterClient,
  type: KubernetesResourceType,
  onPage: (page: T[]) => unknown,
  signal?: AbortSignal,
  pageSize?: number,
): Promise<boolean> {
  let pages: AsyncIterator<T[]> | undefined;
  let finished = false;
  try {
    pages = client.listPages<T>(type, { pageSize })[Symbol.asyncIterator]();
    for (;;) {
      let read: IteratorResult<T[]> | undefined = await pages.next();
      if (read.done) break;
      signal?.throwIfAborted();
      await onPage(read.value);
      read = undefined;
    }
    finished = true;
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  } finally {
    // As `for await` does: a listing left early is closed.
    if (!finished) await pages?.return?.();
  }
}
