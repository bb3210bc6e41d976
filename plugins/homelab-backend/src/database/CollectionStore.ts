import { SourceFreshness } from '@homelab/plugin-homelab-common';
import { CollectorSource } from '../collectors/collectorSources';

/** One collection run of a source, from one cluster or from all at once. */
export interface RunRecord {
  source: CollectorSource;
  cluster?: string;
  startedAt: Date;
  finishedAt: Date;
  succeeded: boolean;
  error?: string;
  itemCount?: number;
  warnings?: string[];
}

/**
 * The log of collection runs and the freshness it gives each source: when
 * it last succeeded, when it was last tried, and why that failed.
 */
export interface CollectionStore {
  /** Logs a run and updates its source's freshness. */
  recordRun(run: RunRecord): Promise<void>;
  /** Freshness per source and cluster, as the runs left it, ordered by source and cluster. */
  freshness(sources?: CollectorSource[]): Promise<SourceFreshness[]>;
  /** Removes runs that started before `before`. */
  prune(before: Date): Promise<void>;
}
