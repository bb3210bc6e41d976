import type { KubernetesObject } from '@kubernetes/client-node';
import { BackupRun } from '@homelab/plugin-homelab-common';
import {
  definedFields,
  stringList,
  summariseRuns,
  timedRun,
} from './backupRuns';
import { backupSetId, CollectedBackupSet } from './CollectedBackupSet';

/** A Velero Schedule as velero.io/v1 serves it (pkg/apis/velero/v1/schedule_types.go). */
export interface VeleroSchedule extends KubernetesObject {
  spec?: {
    schedule?: string;
    paused?: boolean;
    template?: { includedNamespaces?: string[] };
  };
  status?: { phase?: string; validationErrors?: string[] };
}

/** A Velero Backup as velero.io/v1 serves it (pkg/apis/velero/v1/backup_types.go). */
interface VeleroBackup extends KubernetesObject {
  status?: {
    phase?: string;
    startTimestamp?: string;
    completionTimestamp?: string;
    errors?: number;
    warnings?: number;
    failureReason?: string;
    validationErrors?: string[];
  };
}

/** The label Velero puts on each Backup a Schedule creates. */
const SCHEDULE_LABEL = 'velero.io/schedule-name';

/** Phases a backup ends in; the others (New, InProgress, WaitingForPluginOperations..., Finalizing..., Deleting) are not an outcome yet. */
const FINISHED = new Set([
  'Completed',
  'PartiallyFailed',
  'Failed',
  'FailedValidation',
]);

function veleroRun(backup: VeleroBackup): BackupRun {
  const status = backup.status ?? {};
  return definedFields({
    name: backup.metadata?.name ?? '',
    phase: status.phase ?? '',
    succeeded: status.phase === 'Completed',
    startedAt: status.startTimestamp,
    completedAt: status.completionTimestamp,
    errors: status.errors,
    warnings: status.warnings,
    message:
      status.failureReason ||
      stringList(status.validationErrors).join('; ') ||
      undefined,
  });
}

/**
 * One set per Velero Schedule, with the finished Backups it created (by
 * their velero.io/schedule-name label): the newest attempt, the newest
 * Completed one, and the failures (Failed, PartiallyFailed,
 * FailedValidation) since. Backups made without a schedule are not a set:
 * nothing says how often they should run.
 */
export function veleroBackupSets(
  cluster: string,
  schedules: VeleroSchedule[],
  backups: VeleroBackup[],
): CollectedBackupSet[] {
  return schedules.map(schedule => {
    const name = schedule.metadata?.name ?? '';
    const namespace = schedule.metadata?.namespace;
    const runs = backups
      .filter(
        b =>
          b.metadata?.namespace === namespace &&
          b.metadata?.labels?.[SCHEDULE_LABEL] === name &&
          FINISHED.has(b.status?.phase ?? ''),
      )
      .map(b => timedRun(veleroRun(b)));
    const problems = [
      ...(schedule.status?.phase === 'FailedValidation'
        ? ['the schedule failed validation and triggers no backups']
        : []),
      ...stringList(schedule.status?.validationErrors),
    ];
    const included = stringList(schedule.spec?.template?.includedNamespaces);
    return definedFields({
      id: backupSetId({ cluster, tool: 'velero', namespace, name }),
      cluster,
      tool: 'velero' as const,
      namespace,
      name,
      // Velero backs up every namespace when none are listed.
      coveredNamespaces: included.length ? included : ['*'],
      entityRefs: [],
      schedule: schedule.spec?.schedule,
      paused: schedule.spec?.paused || undefined,
      problems,
      ...summariseRuns(runs),
    });
  });
}
