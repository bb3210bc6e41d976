import { BackupSet } from '@homelab/plugin-homelab-common';
import { durationMinutes, scheduleGap } from '@homelab/plugin-homelab-node';
import { CollectedBackupSet } from './CollectedBackupSet';

/** The recovery point objective that applies to a set, and the entity it is stated on. */
export interface AppliedObjective {
  rpo: string;
  from: string;
}

/** Periods of its own schedule after which a set without an objective has missed a run. */
const MISSED_AFTER_PERIODS = 2;

/** A duration in words, like "26h" or "3d 4h". */
function ageText(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  if (hours < 1) return `${Math.max(1, Math.round(seconds / 60))}m`;
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

function scheduleMinutes(schedule: string | undefined): number | undefined {
  if (!schedule) return undefined;
  const gap = scheduleGap(schedule);
  return 'minutes' in gap && gap.minutes > 0 ? gap.minutes : undefined;
}

type Verdict = Pick<BackupSet, 'state' | 'reason'>;

/** What the tool says about the set itself, after the verdict: why it may not run. */
function notes(set: CollectedBackupSet): string {
  return [...(set.paused ? ['the schedule is paused'] : []), ...set.problems]
    .map(note => `; ${note}`)
    .join('');
}

function judgeSuccessAge(
  set: CollectedBackupSet,
  ageSeconds: number,
  objective: AppliedObjective | undefined,
): Verdict {
  const age = `The last successful backup is ${ageText(ageSeconds)} old`;
  const rpoMinutes = objective && durationMinutes(objective.rpo);
  if (objective && rpoMinutes !== undefined) {
    return ageSeconds > rpoMinutes * 60
      ? {
          state: 'outside-rpo',
          reason: `${age}, beyond the RPO of ${objective.rpo}`,
        }
      : { state: 'ok', reason: `${age}, within the RPO of ${objective.rpo}` };
  }
  const period = scheduleMinutes(set.schedule);
  if (period && ageSeconds > period * 60 * MISSED_AFTER_PERIODS) {
    return {
      state: 'missed',
      reason: `${age} and its schedule (${set.schedule}) runs every ${ageText(
        period * 60,
      )}; the inventory states no RPO for it`,
    };
  }
  return {
    state: 'ok',
    reason: `${age}; the inventory states no RPO for it`,
  };
}

/**
 * A set as it stands at `now`: failed when its newest backup failed, else
 * judged by the age of its newest success against the objective (or,
 * without one, against two periods of its own schedule).
 */
export function judgeBackupSet(
  set: CollectedBackupSet,
  objective: AppliedObjective | undefined,
  now: Date,
): BackupSet {
  const succeededAt = Date.parse(
    set.lastSuccess?.completedAt ?? set.lastSuccess?.startedAt ?? '',
  );
  const ageSeconds = Number.isNaN(succeededAt)
    ? undefined
    : Math.max(0, Math.round((now.getTime() - succeededAt) / 1000));
  let verdict: Verdict;
  if (set.lastAttempt && !set.lastAttempt.succeeded) {
    verdict = {
      state: 'failed',
      reason: `The last backup, ${set.lastAttempt.name}, ended ${
        set.lastAttempt.phase
      }${set.lastAttempt.message ? `: ${set.lastAttempt.message}` : ''}`,
    };
  } else if (ageSeconds === undefined) {
    verdict = {
      state: 'never-succeeded',
      reason: set.lastSuccess
        ? 'The last successful backup states no time'
        : 'No successful backup is recorded',
    };
  } else {
    verdict = judgeSuccessAge(set, ageSeconds, objective);
  }
  return {
    ...set,
    ...(objective ? { rpo: objective.rpo, rpoFrom: objective.from } : {}),
    ...(ageSeconds !== undefined ? { ageSeconds } : {}),
    state: verdict.state,
    reason: verdict.reason + notes(set),
  };
}
