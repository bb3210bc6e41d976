import type { KubernetesObject } from '@kubernetes/client-node';
import { BackupRun } from '@homelab/plugin-homelab-common';
import { scheduleGap } from '@homelab/plugin-homelab-node';
import { definedFields, summariseRuns, timedRun } from './backupRuns';
import { backupSetId, CollectedBackupSet } from './CollectedBackupSet';

/** A Longhorn Backup as longhorn.io/v1beta2 serves it (longhorn-manager k8s/pkg/apis/longhorn/v1beta2/backup.go). */
interface LonghornBackup extends KubernetesObject {
  status?: {
    state?: string;
    error?: string;
    snapshotCreatedAt?: string;
    backupCreatedAt?: string;
    volumeName?: string;
    labels?: Record<string, string> | null;
  };
}

/** A Longhorn RecurringJob (longhorn-manager k8s/pkg/apis/longhorn/v1beta2/recurringjob.go). */
interface LonghornRecurringJob extends KubernetesObject {
  spec?: { name?: string; task?: string; cron?: string };
}

/** The label Longhorn puts on a Backup naming its backup volume. */
const BACKUP_VOLUME_LABEL = 'backup-volume';
/** The snapshot label naming the RecurringJob that took it. */
const RECURRING_JOB_LABEL = 'RecurringJob';
/** The snapshot label holding the volume's PV, claim and namespace as JSON. */
const KUBERNETES_STATUS_LABEL = 'KubernetesStatus';

/** States a backup ends in; "", Pending and InProgress are not an outcome yet. */
const FINISHED = new Set(['Completed', 'Error', 'Unknown']);

const BACKUP_TASKS = new Set(['backup', 'backup-force-create']);

function longhornRun(backup: LonghornBackup): BackupRun {
  const status = backup.status ?? {};
  return definedFields({
    name: backup.metadata?.name ?? '',
    phase: status.state ?? '',
    succeeded: status.state === 'Completed',
    startedAt: status.snapshotCreatedAt,
    completedAt: status.backupCreatedAt,
    message: status.error,
  });
}

/** The namespace of the volume's claim, from the KubernetesStatus label; undefined when unreadable. */
function claimNamespace(labels: Record<string, string>): string | undefined {
  try {
    const namespace = JSON.parse(
      labels[KUBERNETES_STATUS_LABEL] ?? '{}',
    )?.namespace;
    return typeof namespace === 'string' && namespace ? namespace : undefined;
  } catch {
    return undefined;
  }
}

/** The cron of the most frequent of these jobs. */
function mostFrequent(crons: string[]): string | undefined {
  const gap = (cron: string) => {
    const result = scheduleGap(cron);
    return 'minutes' in result ? result.minutes : Infinity;
  };
  return [...crons].sort((a, b) => gap(a) - gap(b))[0];
}

/**
 * One set per Longhorn volume with backups, from its finished Backups (the
 * volume named by status.volumeName, else the backup-volume label): the
 * newest attempt and success, failures (state Error or Unknown) since, the
 * namespace of its claim, and the backup RecurringJobs that took them with
 * the cron of the most frequent.
 */
export function longhornBackupSets(
  cluster: string,
  backups: LonghornBackup[],
  jobs: LonghornRecurringJob[],
): CollectedBackupSet[] {
  const cronOf = new Map(
    jobs
      .filter(job => BACKUP_TASKS.has(job.spec?.task ?? ''))
      .map(job => [job.spec?.name || job.metadata?.name, job.spec?.cron]),
  );
  const byVolume = new Map<string, LonghornBackup[]>();
  for (const backup of backups) {
    const volume =
      backup.status?.volumeName ||
      backup.metadata?.labels?.[BACKUP_VOLUME_LABEL];
    if (!volume) continue;
    byVolume.set(volume, [...(byVolume.get(volume) ?? []), backup]);
  }
  return [...byVolume].map(([volume, volumeBackups]) => {
    const namespace = volumeBackups[0].metadata?.namespace;
    const labels = volumeBackups.map(b => b.status?.labels ?? {});
    const claim = labels.map(claimNamespace).find(Boolean);
    const recurringJobs = [
      ...new Set(labels.map(l => l[RECURRING_JOB_LABEL]).filter(Boolean)),
    ].sort();
    const crons = recurringJobs.flatMap(job => cronOf.get(job) ?? []);
    const runs = volumeBackups
      .filter(b => FINISHED.has(b.status?.state ?? ''))
      .map(b => timedRun(longhornRun(b)));
    return definedFields({
      id: backupSetId({ cluster, tool: 'longhorn', namespace, name: volume }),
      cluster,
      tool: 'longhorn' as const,
      namespace,
      name: volume,
      coveredNamespaces: claim ? [claim] : [],
      entityRefs: [],
      schedule: mostFrequent(crons),
      recurringJobs: recurringJobs.length ? recurringJobs : undefined,
      problems: [],
      ...summariseRuns(runs),
    });
  });
}
