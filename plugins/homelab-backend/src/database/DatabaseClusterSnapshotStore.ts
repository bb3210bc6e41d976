import { Knex } from 'knex';
import { CollectorSource } from '../collectors/collectorSources';
import { ClusterSnapshot, ClusterSnapshotStore } from './ClusterSnapshotStore';
import { ClusterSnapshotRow, isoTime } from './tables';

const SNAPSHOTS = 'homelab_cluster_snapshots';

/** Each source's latest snapshot per cluster, in knex. */
export class DatabaseClusterSnapshotStore implements ClusterSnapshotStore {
  constructor(private readonly knex: Knex) {}

  async putClusterSnapshot(
    source: CollectorSource,
    cluster: string,
    data: unknown,
    collectedAt: Date,
  ): Promise<void> {
    await this.knex<ClusterSnapshotRow>(SNAPSHOTS)
      .insert({
        source,
        cluster,
        collected_at: collectedAt,
        data: JSON.stringify(data),
      })
      .onConflict(['source', 'cluster'])
      .merge();
  }

  async clusterSnapshots<T>(
    source: CollectorSource,
  ): Promise<ClusterSnapshot<T>[]> {
    const rows = await this.knex<ClusterSnapshotRow>(SNAPSHOTS)
      .where({ source })
      .orderBy('cluster');
    return rows.map(row => ({
      cluster: row.cluster,
      collectedAt: isoTime(row.collected_at),
      data: JSON.parse(row.data),
    }));
  }
}
