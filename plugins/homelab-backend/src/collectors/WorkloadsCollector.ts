import { ClusterClient } from '@homelab/plugin-homelab-node';
import { ClusterSnapshotStore } from '../database/ClusterSnapshotStore';
import { collectWorkloads } from '../workloads/collectWorkloads';
import { ClusterCollector } from './ClusterCollector';
import { Collection } from './recordCollection';

/**
 * What a cluster runs: namespaces, workloads with their owner chains, and
 * load-balancer addresses, for the topology and for mapping security reports
 * on ReplicaSets, Jobs and Pods to their Deployments and CronJobs.
 */
export class WorkloadsCollector implements ClusterCollector {
  readonly source = 'workloads';

  constructor(private readonly snapshots: ClusterSnapshotStore) {}

  async collect(
    client: ClusterClient,
    collectedAt: Date,
    signal?: AbortSignal,
  ): Promise<Collection> {
    const warnings: string[] = [];
    const snapshot = await collectWorkloads(client, warning =>
      warnings.push(warning),
    );
    signal?.throwIfAborted();
    await this.snapshots.putClusterSnapshot(
      this.source,
      client.cluster,
      snapshot,
      collectedAt,
    );
    return { itemCount: snapshot.workloads.length, warnings };
  }
}
