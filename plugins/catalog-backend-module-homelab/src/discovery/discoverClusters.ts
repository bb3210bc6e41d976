import { Cluster } from '@homelab/plugin-homelab-common';
import {
  ClusterDiscovery,
  HomelabClusterClientsService,
  nodeFacts,
} from '@homelab/plugin-homelab-node';

/**
 * Reads the live nodes of every inventory cluster that has a client, all at
 * once and each on its own: one cluster down or slow never holds up another.
 * A failed read keeps the last good facts, marked stale with the error and
 * the time they were read, never passed off as current.
 */
export async function discoverClusters(
  clusters: Cluster[],
  clients: Pick<HomelabClusterClientsService, 'get'>,
  previous: readonly ClusterDiscovery[],
  now: Date,
): Promise<ClusterDiscovery[]> {
  const checkedAt = now.toISOString();
  return Promise.all(
    clusters.map(async ({ name }): Promise<ClusterDiscovery> => {
      const client = clients.get(name);
      if (!client) {
        return { cluster: name, state: 'not-configured', checkedAt, nodes: {} };
      }
      try {
        const nodes = await client.listNodes();
        return {
          cluster: name,
          state: 'ok',
          checkedAt,
          lastSuccessAt: checkedAt,
          nodes: Object.fromEntries(
            nodes
              .filter(node => node.metadata?.name)
              .map(node => [node.metadata!.name!, nodeFacts(node, now)]),
          ),
        };
      } catch (error) {
        const message = (error as Error).message;
        const before = previous.find(entry => entry.cluster === name);
        return {
          cluster: name,
          state: 'failed',
          checkedAt,
          lastSuccessAt: before?.lastSuccessAt,
          error: message,
          nodes: Object.fromEntries(
            Object.entries(before?.nodes ?? {}).map(([node, facts]) => [
              node,
              { ...facts, stale: true, error: message },
            ]),
          ),
        };
      }
    }),
  );
}
