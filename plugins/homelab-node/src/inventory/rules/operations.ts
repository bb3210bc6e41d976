import {
  BackupJob,
  Cluster,
  Target,
  decimalText,
} from '@homelab/plugin-homelab-common';
import { PathSegment } from '../problems';
import { RuleContext } from './context';
import { resolve } from './resolve';
import { durationMinutes, scheduleGap } from './schedules';

/** The fields of a target that name what it is about; exactly one is set. */
const SUBJECTS = [
  'cluster',
  'storage',
  'device',
  'app',
  'externalService',
  'description',
] as const;

/** What a target is about, as one key: "cluster:production", "app:nextcloud". */
function targetKey(target: Target): string | undefined {
  for (const subject of SUBJECTS) {
    const value = target[subject];
    if (value === undefined) continue;
    if (subject === 'app') return `app:${value.replace(/^.*[:/]/, '')}`;
    if (subject === 'cluster' && target.service)
      return `service:${value}/${target.service}`;
    return `${subject}:${value}`;
  }
  return undefined;
}

/** A target names one thing, and the things it names exist. */
function checkTarget(
  context: RuleContext,
  item: object,
  path: PathSegment[],
  target: Target,
) {
  const named = SUBJECTS.filter(subject => target[subject] !== undefined);
  if (named.length !== 1) {
    context.error(
      item,
      path,
      'target-shape',
      named.length === 0
        ? `say what this is about with one of ${SUBJECTS.join(', ')}`
        : `name one thing only; this names ${named.join(' and ')}`,
    );
    return;
  }
  if ((target.namespaces || target.service) && !target.cluster) {
    context.error(
      item,
      [...path, target.service ? 'service' : 'namespaces'],
      'target-shape',
      `"${target.service ? 'service' : 'namespaces'}" belongs with "cluster"`,
    );
  }
  if (target.cluster) {
    const cluster = resolve<Cluster>(
      context,
      item,
      [...path, 'cluster'],
      'clusters',
      target.cluster,
    );
    const services = cluster?.platformServices ?? [];
    if (
      cluster &&
      target.service &&
      !services.some(service => service.name === target.service)
    ) {
      context.error(
        item,
        [...path, 'service'],
        'unknown-reference',
        `cluster "${cluster.name}" has no platform service "${
          target.service
        }"; its services: ${
          services.map(service => service.name).join(', ') || 'none'
        }`,
      );
    }
  }
  if (target.storage)
    resolve(context, item, [...path, 'storage'], 'storage', target.storage);
  if (target.device)
    resolve(context, item, [...path, 'device'], 'devices', target.device);
  if (target.externalService) {
    resolve(
      context,
      item,
      [...path, 'externalService'],
      'externalServices',
      target.externalService,
    );
  }
}

/** How often a job runs, in minutes between runs, or undefined when unstated or unreadable. */
function checkBackup(context: RuleContext, job: BackupJob): number | undefined {
  job.sources.forEach((source, index) =>
    checkTarget(context, job, ['sources', index], source),
  );
  if (job.destination) {
    checkTarget(context, job, ['destination'], job.destination);
  } else if (job.kind !== 'snapshot') {
    context.error(
      job,
      [],
      'backup-without-destination',
      `a ${job.kind} job copies data elsewhere; add "destination" (a storage item, device or external service)`,
    );
  }
  if (!job.schedule) return undefined;
  const gap = scheduleGap(job.schedule);
  if ('problem' in gap) {
    context.error(job, ['schedule'], 'backup-schedule', gap.problem);
    return undefined;
  }
  return gap.minutes;
}

function minutesText(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes >= 60) return `${decimalText(minutes / 60)}h`;
  return `${decimalText(minutes)}m`;
}

/**
 * A recovery point objective is met only by a backup that runs at least that
 * often: for each thing an objective applies to, the most frequent active
 * job that backs it up is compared with the RPO.
 */
function checkObjectives(
  context: RuleContext,
  gaps: Map<string, { job: BackupJob; minutes?: number }[]>,
) {
  for (const objective of context.inventory.recoveryObjectives) {
    const rpo =
      objective.rpo === undefined ? undefined : durationMinutes(objective.rpo);
    objective.appliesTo.forEach((target, index) => {
      const path = ['appliesTo', index];
      checkTarget(context, objective, path, target);
      const key = targetKey(target);
      if (rpo === undefined || !key) return;
      const jobs = gaps.get(key) ?? [];
      if (jobs.length === 0) {
        context.warning(
          objective,
          path,
          'rpo-without-backup',
          `no active backup job has ${key.replace(
            ':',
            ' "',
          )}" among its sources, so nothing in the inventory meets the RPO of ${
            objective.rpo
          }`,
        );
        return;
      }
      const timed = jobs.filter(j => j.minutes !== undefined);
      if (timed.length < jobs.length) return;
      const best = timed.reduce((a, b) => (a.minutes! <= b.minutes! ? a : b));
      if (best.minutes! > rpo) {
        context.warning(
          objective,
          ['rpo'],
          'rpo-not-met',
          `the RPO is ${
            objective.rpo
          }, but the most frequent backup of ${key.replace(':', ' "')}", "${
            best.job.name
          }", runs only every ${minutesText(best.minutes!)} (${
            best.job.schedule
          }); a restore could lose more than the RPO allows`,
        );
      }
    });
  }
}

/** Backups, recovery objectives and external services: what they name exists, and schedules meet the RPOs. */
export function checkOperations(context: RuleContext) {
  const gaps = new Map<string, { job: BackupJob; minutes?: number }[]>();
  for (const job of context.inventory.backups) {
    const minutes = checkBackup(context, job);
    if (job.status !== 'active') continue;
    for (const source of job.sources) {
      const key = targetKey(source);
      if (!key) continue;
      gaps.set(key, [...(gaps.get(key) ?? []), { job, minutes }]);
    }
  }
  checkObjectives(context, gaps);
  for (const service of context.inventory.externalServices) {
    service.usedBy?.forEach((target, index) =>
      checkTarget(context, service, ['usedBy', index], target),
    );
  }
}
