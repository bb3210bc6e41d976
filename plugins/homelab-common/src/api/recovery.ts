/**
 * Backups and certificates as the homelab backend serves them: what its
 * collectors read from Velero, Longhorn, k3s and cert-manager, judged when
 * served against the inventory's recovery objectives and the time then.
 */

/**
 * What made a set of backups: Velero, Longhorn, or k3s's etcd snapshots.
 *
 * @public
 */
export type BackupTool = 'velero' | 'longhorn' | 'k3s-etcd';

/**
 * One backup: a Velero Backup, a Longhorn Backup or a k3s etcd snapshot.
 *
 * @public
 */
export interface BackupRun {
  /** The object's name. */
  name: string;
  /** Its state as the tool writes it: Velero's phase (Completed, PartiallyFailed, Failed...), Longhorn's state, or k3s's readyToUse. */
  phase: string;
  /** Whether it is a usable backup: Velero Completed, Longhorn Completed, k3s readyToUse. */
  succeeded: boolean;
  /** When it started, where the tool says. */
  startedAt?: string;
  /** When it ended (or, for a snapshot, was taken). */
  completedAt?: string;
  /** Velero's count of errors. */
  errors?: number;
  /** Velero's count of warnings. */
  warnings?: number;
  /** Why it failed, in the tool's words. */
  message?: string;
}

/**
 * How a set of backups stands now. failed: its last attempt failed;
 * never-succeeded: no successful backup is recorded; outside-rpo: the last
 * success is older than the recovery point objective; missed: with no
 * objective stated, the last success is older than two periods of its own
 * schedule; ok: the last success is within the objective (or, without one,
 * within its schedule, or it has no schedule to judge by); unknown: its
 * cluster's backups could not be read lately, so the last known backups
 * may no longer be the last.
 *
 * @public
 */
export type BackupState =
  | 'ok'
  | 'failed'
  | 'missed'
  | 'outside-rpo'
  | 'never-succeeded'
  | 'unknown';

/**
 * One thing backed up again and again, and its last backups: a Velero
 * Schedule (or the Backups made without one), a Longhorn volume, or one
 * cluster's k3s etcd snapshots.
 *
 * @public
 */
export interface BackupSet {
  /** cluster/tool/namespace/name: stable across collections. */
  id: string;
  /** The cluster it is in. */
  cluster: string;
  /** What made it: Velero, Longhorn or k3s's etcd snapshots. */
  tool: BackupTool;
  /** Namespace of the objects that say so (velero, longhorn-system); absent for k3s's cluster-scoped snapshots. */
  namespace?: string;
  /** The Velero Schedule, the Longhorn volume, or "etcd". */
  name: string;
  /** The namespaces whose data it holds, where known: Velero's includedNamespaces ("*" for all), a Longhorn volume's claim's namespace. */
  coveredNamespaces: string[];
  /** The apps whose namespaces it covers ("*" covers every app of the cluster). */
  entityRefs: string[];
  /** Its cron schedule: the Velero Schedule's, the Longhorn RecurringJobs' shortest. */
  schedule?: string;
  /** The Longhorn RecurringJobs that made its backups. */
  recurringJobs?: string[];
  /** A Velero Schedule that is paused. */
  paused?: boolean;
  /** Problems the tool reports with the set itself, like a Schedule's validation errors. */
  problems: string[];
  /** The newest backup, whatever its outcome. */
  lastAttempt?: BackupRun;
  /** The newest successful backup. */
  lastSuccess?: BackupRun;
  /** Failed backups since the last success. */
  failuresSinceSuccess: number;
  /** The strictest recovery point objective the inventory states for its app or cluster, like "24h". */
  rpo?: string;
  /** The catalog entity that objective is on. */
  rpoFrom?: string;
  /** Seconds since the last success, when served. */
  ageSeconds?: number;
  /** How it stands when served. */
  state: BackupState;
  /** Why, in words. */
  reason: string;
}

/**
 * How a certificate stands now. expired: past its notAfter; not-ready: its
 * Ready condition is not True; expiring: fewer days to notAfter than the
 * threshold; valid: ready with time left; unknown: cert-manager has not
 * said (no Ready condition and no notAfter), or the cluster's certificates
 * could not be read lately.
 *
 * @public
 */
export type CertificateState =
  | 'valid'
  | 'expiring'
  | 'expired'
  | 'not-ready'
  | 'unknown';

/**
 * A cert-manager Certificate and its state.
 *
 * @public
 */
export interface Certificate {
  /** cluster/namespace/name. */
  id: string;
  /** The cluster it is in. */
  cluster: string;
  /** Its namespace. */
  namespace: string;
  /** Its name. */
  name: string;
  /** The app of its namespace, when one app claims it. */
  entityRef?: string;
  /** The Secret the certificate is stored in. */
  secretName?: string;
  /** Its DNS names. */
  dnsNames: string[];
  /** The issuer, like "ClusterIssuer letsencrypt-prod". */
  issuer?: string;
  /** The status of its Ready condition; Unknown when it has none. */
  ready: 'True' | 'False' | 'Unknown';
  /** Reason of the Ready condition, like "Ready" or "Expired". */
  readyReason?: string;
  /** Message of the Ready condition. */
  readyMessage?: string;
  /** When the certificate it holds became valid. */
  notBefore?: string;
  /** When the certificate it holds expires. */
  notAfter?: string;
  /** When cert-manager will renew it. */
  renewalTime?: string;
  /** Failed issuance attempts in a row. */
  failedIssuanceAttempts?: number;
  /** When issuance last failed. */
  lastFailureTime?: string;
  /** Days from when served to notAfter, negative once expired. */
  daysToExpiry?: number;
  /** How it stands when served. */
  state: CertificateState;
  /** Why, in words. */
  reason: string;
}
