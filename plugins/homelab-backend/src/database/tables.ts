/**
 * The rows of the plugin's tables (migrations/), as knex reads them.
 * Documents are stored as JSON text.
 */

/** A time as the database returns it: a Date from PostgreSQL, a number or text from SQLite. */
export type DbTime = Date | string | number;

/** A boolean as the database returns it: 0 or 1 from SQLite. */
type DbBoolean = boolean | 0 | 1;

export interface CollectionStateRow {
  source: string;
  /** '' for a source collected from all clusters at once. */
  cluster: string;
  last_success_at: DbTime | null;
  last_attempt_at: DbTime;
  last_error: string | null;
  /** JSON array of strings. */
  warnings: string | null;
}

export interface CollectionRunRow {
  id: number;
  source: string;
  cluster: string;
  started_at: DbTime;
  /** When the task's timeout stops the run. */
  deadline_at: DbTime | null;
  /** Null while the run has not ended. */
  finished_at: DbTime | null;
  outcome: 'running' | 'succeeded' | 'failed' | 'interrupted';
  /** Null while the run has not ended; kept beside outcome for readers of the first schema. */
  succeeded: DbBoolean | null;
  error: string | null;
  item_count: number | null;
}

export interface FluxObjectRow {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  entity_ref: string | null;
  /** JSON FluxObject. */
  data: string;
  collected_at: DbTime;
}

export interface FindingRow {
  cluster: string;
  id: string;
  source: string;
  severity: string;
  /** Higher is more severe, for ordering. */
  severity_rank: number;
  namespace: string | null;
  entity_ref: string | null;
  /** kind/name of the workload. */
  workload: string | null;
  check_id: string;
  /** Lower-case text the search matches. */
  search: string;
  /** JSON Finding. */
  data: string;
  collected_at: DbTime;
}

/** A finding of a security collection in progress (homelab_findings_staged). */
export interface StagedFindingRow extends FindingRow {
  /** The report it came from, as warnings name it. */
  report: string;
}

export interface PostureSummaryRow {
  id: number;
  collected_at: DbTime;
  scope: string;
  key: string;
  cluster: string;
  namespace: string | null;
  entity_ref: string | null;
  /** JSON PostureSummary. */
  data: string;
}

export interface ClusterSnapshotRow {
  source: string;
  cluster: string;
  collected_at: DbTime;
  /** JSON of the source's snapshot. */
  data: string;
}

export interface SloRow {
  id: string;
  entity_ref: string | null;
  /** JSON SloDefinition. */
  definition: string;
  /** JSON status without the definition. */
  status: string;
  evaluated_at: DbTime;
}

export interface SloHistoryRow {
  id: number;
  slo_id: string;
  evaluated_at: DbTime;
  state: string;
  sli: number | null;
  error_budget_remaining: number | null;
}

export interface BackupSetRow {
  cluster: string;
  /** cluster/tool/namespace/name. */
  id: string;
  tool: string;
  namespace: string | null;
  /** JSON CollectedBackupSet. */
  data: string;
  collected_at: DbTime;
}

export interface CertificateRow {
  cluster: string;
  namespace: string;
  name: string;
  entity_ref: string | null;
  not_after: DbTime | null;
  /** JSON CollectedCertificate. */
  data: string;
  collected_at: DbTime;
}

/** Rows per insert statement, well inside SQLite's limit on bound parameters. */
export const INSERT_CHUNK = 200;

/** A database time as an ISO string. */
export const isoTime = (value: DbTime) => new Date(value).toISOString();
