import { SourceFreshness } from '@homelab/plugin-homelab-common';
import { CollectorSource } from '../collectors/collectorSources';

/** A run recorded as started, which finishRun records the end of. */
export interface StartedRun {
  id: number;
  source: CollectorSource;
  /** Left out for a source collected from all clusters at once. */
  cluster?: string;
  startedAt: Date;
}

/** How a run ended. */
export type RunOutcome =
  | { outcome: 'succeeded'; itemCount: number; warnings: string[] }
  /** The source failed: its data is kept and served as stale with the error. */
  | { outcome: 'failed'; error: string }
  /** The run was stopped (by the scheduler, or by the database going away) before it ended. */
  | { outcome: 'interrupted'; error: string };

/**
 * The log of collection runs and the freshness it gives each source: when
 * it last succeeded, when it was last tried, and why that failed. Runs are
 * recorded from their start, so that one that never ends is found.
 */
export interface CollectionStore {
  /** Records that a run started, and when its task's timeout stops it. */
  startRun(run: {
    source: CollectorSource;
    cluster?: string;
    startedAt: Date;
    deadline: Date;
  }): Promise<StartedRun>;
  /** Records how a started run ended, and updates its source's freshness. */
  finishRun(
    run: StartedRun,
    finishedAt: Date,
    outcome: RunOutcome,
  ): Promise<void>;
  /**
   * Records runs that started but never ended as interrupted, with their
   * sources stale: those of `sources`, whose task is about to run again and
   * so cannot still be running, and any whose deadline has passed. Returns
   * how many it recorded.
   */
  recordInterruptedRuns(now: Date, sources: CollectorSource[]): Promise<number>;
  /** Freshness per source and cluster, as the runs left it, ordered by source and cluster. */
  freshness(sources?: CollectorSource[]): Promise<SourceFreshness[]>;
  /** Removes runs that started before `before`. */
  prune(before: Date): Promise<void>;
}
