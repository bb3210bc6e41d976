import {
  Finding,
  FindingSeverity,
  FindingSource,
  PostureSummary,
  PostureTrendPoint,
} from '@homelab/plugin-homelab-common';

/** Which findings to read; every field left out matches all. */
export interface FindingFilter {
  cluster?: string;
  namespace?: string;
  severities?: FindingSeverity[];
  sources?: FindingSource[];
  entityRef?: string;
  /** Text in the check id, title, workload, resource or namespace. */
  search?: string;
}

/** Which current posture summaries to read; every field left out matches all. */
export interface SummaryFilter {
  scope?: PostureSummary['scope'];
  cluster?: string;
  entityRef?: string;
  namespace?: string;
}

/**
 * Security posture: the findings of each cluster's last successful
 * collection, and the summaries of every collection, the latest per cluster
 * being current and the rest its trend.
 */
export interface PostureStore {
  /** Replaces one cluster's findings and adds its summaries, as one change. */
  replacePosture(
    cluster: string,
    findings: Finding[],
    summaries: PostureSummary[],
    collectedAt: Date,
  ): Promise<void>;
  /** One page of the findings that match, most severe first, and how many match. */
  findings(
    filter: FindingFilter,
    page: { offset: number; limit: number },
  ): Promise<{ items: Finding[]; totalCount: number }>;
  /**
   * The summaries of each cluster's latest collection that match. Older
   * rows are history: a namespace deleted since is not current.
   */
  latestSummaries(filter?: SummaryFilter): Promise<PostureSummary[]>;
  /** The score and vulnerabilities of one summary since a time, oldest first. */
  postureTrend(
    scope: string,
    key: string,
    since: Date,
  ): Promise<PostureTrendPoint[]>;
  /** Removes summaries older than `before`, never a cluster's current ones. */
  prune(before: Date): Promise<void>;
}
