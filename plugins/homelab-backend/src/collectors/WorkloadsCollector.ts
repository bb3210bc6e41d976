import { ClusterClient } from '@homelab/plugin-homelab-node';
import { HomelabStore } from '../database/HomelabStore';
import { collectWorkloads } from '../workloads/collectWorkloads';
import { ClusterCollector } from './ClusterCollector';
import { Collection } from './recordCollection';

/** Source name of the workload snapshots. */
export const WORKLOADS_SOURCE = 'workloads';

/**
 * What a cluster runs: namespaces, workloads with their owner chains, and
 * load-balancer addresses, for the topology and for mapping security reports
 * on ReplicaSets and Pods to their Deployments.
 */
export class WorkloadsCollector implements ClusterCollector {
  readonly source = WORKLOADS_SOURCE;

  constructor(private readonly store: HomelabStore) {}

  async collect(client: ClusterClient, collectedAt: Date): Promise<Collection> {
    const snapshot = await collectWorkloads(client);
    await this.store.putClusterSnapshot(
      WORKLOADS_SOURCE,
      client.cluster,
      snapshot,
      collectedAt,
    );
    return { itemCount: snapshot.workloads.length, warnings: [] };
  }
}
