import { CollectorSource } from '../collectors/collectorSources';

/** A source's latest snapshot of one cluster. */
export interface ClusterSnapshot<T> {
  cluster: string;
  collectedAt: string;
  data: T;
}

/** Per-cluster data of a source kept whole, such as the workloads, one snapshot per cluster. */
export interface ClusterSnapshotStore {
  /** Replaces a cluster's snapshot of a source. */
  putClusterSnapshot(
    source: CollectorSource,
    cluster: string,
    data: unknown,
    collectedAt: Date,
  ): Promise<void>;
  /** Every cluster's snapshot of a source, by cluster name. */
  clusterSnapshots<T>(source: CollectorSource): Promise<ClusterSnapshot<T>[]>;
}
