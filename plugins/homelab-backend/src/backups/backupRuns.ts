import { BackupRun } from '@homelab/plugin-homelab-common';

/** A finished backup and when it counts from, for ordering. */
interface TimedRun {
  run: BackupRun;
  /** Milliseconds of its completion (or start) time; NaN when it states none. */
  at: number;
}

/** The time a run counts from: when it completed, else when it started. */
export function timedRun(run: BackupRun): TimedRun {
  return { run, at: Date.parse(run.completedAt ?? run.startedAt ?? '') };
}

/**
 * The newest attempt, the newest success and the failures since it, of a
 * set's finished backups. Runs that state no time sort oldest.
 */
export function summariseRuns(runs: TimedRun[]): {
  lastAttempt?: BackupRun;
  lastSuccess?: BackupRun;
  failuresSinceSuccess: number;
} {
  const newestFirst = [...runs].sort(
    (a, b) =>
      (Number.isNaN(b.at) ? -Infinity : b.at) -
      (Number.isNaN(a.at) ? -Infinity : a.at),
  );
  const success = newestFirst.findIndex(r => r.run.succeeded);
  return {
    ...(newestFirst[0] ? { lastAttempt: newestFirst[0].run } : {}),
    ...(success >= 0 ? { lastSuccess: newestFirst[success].run } : {}),
    failuresSinceSuccess: success >= 0 ? success : newestFirst.length,
  };
}

/** The strings of a list, or none when it is not a list (an object not in its CRD's shape). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

/** The fields of a run that are set, so that stored JSON carries no undefined. */
export function definedFields<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as T;
}
