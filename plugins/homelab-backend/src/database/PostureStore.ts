import {
  Finding,
  FindingSeverity,
  FindingSource,
  PostureSummary,
  PostureTrendPoint,
} from '@homelab/plugin-homelab-common';

/**
 * Findings of a collection in progress from one report, each made when it
 * is stored: a scan's vulnerabilities are held as the report lists them
 * until then.
 */
export interface StagedFindings {
  /** The report they come from. */
  report: string;
  length: number;
  at(index: number): Finding;
}

/** Findings already made, staged as findings of their report. */
export function stagedFindings(
  report: string,
  findings: Finding[],
): StagedFindings {
  return { report, length: findings.length, at: index => findings[index] };
}

/** Every finding of staged findings, made. */
export function madeFindings(staged: StagedFindings[]): Finding[] {
  return staged.flatMap(({ length, at }) =>
    Array.from({ length }, (_, index) => at(index)),
  );
}

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
  /**
   * Starts replacing one cluster's findings, dropping whatever an unfinished
   * replacement of it left. The new findings are then staged page by page
   * and committed with the summaries; until then readers see the last ones.
   */
  beginPosture(cluster: string): Promise<void>;
  /** Stages findings of the cluster's replacement, each with the report it came from. */
  stageFindings(
    cluster: string,
    findings: StagedFindings[],
    collectedAt: Date,
  ): Promise<void>;
  /**
   * Makes the staged findings the cluster's, but those of superseded
   * reports, and adds its summaries, as one change. A finding staged from
   * several reports (one id) is kept once. Returns how many findings the
   * cluster has.
   */
  commitPosture(
    cluster: string,
    commit: {
      summaries: PostureSummary[];
      superseded: string[];
      collectedAt: Date;
    },
  ): Promise<number>;
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
