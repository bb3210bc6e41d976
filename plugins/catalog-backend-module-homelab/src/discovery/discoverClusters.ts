import { Cluster } from '@homelab/plugin-homelab-common';
import {
  ClusterDiscovery,
  HomelabClusterClientsService,
  nodeFacts,
} from '@homelab/plugin-homelab-node';
import { readKeepingLastGood } from '../sources/readKeepingLastGood';

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
      const before = previous.find(entry => entry.cluster === name);
      const { data, ...reading } = await readKeepingLastGood(
        async () =>
          Object.fromEntries(
            (await client.listNodes())
              .filter(node => node.metadata?.name)
              .map(node => [node.metadata!.name!, nodeFacts(node, now)]),
          ),
        before && { ...before, data: before.nodes },
        now,
      );
      if (reading.state === 'ok') {
        return { cluster: name, ...reading, nodes: data ?? {} };
      }
      return {
        cluster: name,
        ...reading,
        nodes: Object.fromEntries(
          Object.entries(data ?? {}).map(([node, facts]) => [
            node,
            { ...facts, stale: true, error: reading.error },
          ]),
        ),
      };
    }),
  );
}
