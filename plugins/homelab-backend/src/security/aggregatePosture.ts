import { Finding, PostureSummary } from '@homelab/plugin-homelab-common';
import { createHash } from 'node:crypto';
import { EntityIndex } from '../workloads/EntityIndex';
import { resolveWorkload } from '../workloads/resolveWorkload';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { PostureTallies, ScopeTally } from './PostureTallies';
import { ParsedReports, RawFinding, ReportTarget } from './reports';

const workloadKey = (w: ReportTarget) =>
  `${w.kind}/${w.namespace ?? ''}/${w.name}`;

/** Where a report's target belongs: its workload (a Deployment rather than its ReplicaSet) and entity. */
interface Placement {
  workload?: ReportTarget;
  entityRef?: string;
}

/**
 * Places report targets on their workloads and entities. Thousands of
 * findings share a workload: each is resolved once.
 */
function workloadPlacer(
  cluster: string,
  workloads: WorkloadSnapshot | undefined,
  entities: EntityIndex,
): (target: ReportTarget | undefined) => Placement {
  const labelsOf = new Map(
    (workloads?.workloads ?? []).map(w => [workloadKey(w), w.labels]),
  );
  const placed = new Map<string, Placement>();
  return target => {
    if (!target) return { workload: undefined, entityRef: undefined };
    const key = workloadKey(target);
    let result = placed.get(key);
    if (!result) {
      const workload = resolveWorkload(target, workloads);
      const entityRef = entities.entityFor(
        cluster,
        workload.namespace,
        labelsOf.get(workloadKey(workload)),
      );
      result = { workload, entityRef };
      placed.set(key, result);
    }
    return result;
  };
}

/** An id that stays the same for the same finding from one collection to the next. */
function findingId(
  cluster: string,
  finding: Omit<RawFinding, 'target'>,
  workload: ReportTarget | undefined,
): string {
  return createHash('sha1')
    .update(
      `${cluster}|${finding.source}|${finding.namespace ?? ''}|${
        workload?.kind ?? ''
      }|${workload?.name ?? ''}|${finding.container ?? ''}|${finding.checkId}|${
        finding.resource ?? ''
      }|${finding.installedVersion ?? ''}`,
    )
    .digest('hex')
    .slice(0, 20);
}

/** Counts a finding in a scope: vulnerabilities once per workload, secrets, misconfigurations. */
function countFinding(
  tally: ScopeTally,
  finding: Omit<RawFinding, 'target'>,
  key: string | undefined,
) {
  if (key) tally.workloads.add(key);
  if (finding.source === 'vulnerability') {
    tally.vulnerabilities[finding.severity]++;
    if (key) {
      const scanned = tally.scannedWorkload(key);
      if (!scanned.ids.has(finding.checkId)) {
        scanned.ids.add(finding.checkId);
        scanned.counts[finding.severity]++;
      }
    }
  } else if (finding.source === 'exposed-secret') {
    tally.exposedSecrets++;
    if (key) tally.scannedWorkload(key).secrets++;
  } else if (finding.source !== 'policy') {
    tally.misconfigurations[finding.severity]++;
  }
}

/** What one cluster's collection stores: its findings and its posture summaries. */
interface ClusterPosture {
  findings: Finding[];
  summaries: PostureSummary[];
}

/**
 * Turns one cluster's parsed reports into findings (each on its workload and,
 * where the labels say, its catalog entity, with a stable id) and posture
 * summaries for the cluster, each namespace and each entity.
 */
export function aggregatePosture(
  cluster: string,
  reports: ParsedReports,
  workloads: WorkloadSnapshot | undefined,
  entities: EntityIndex,
  collectedAt: string,
): ClusterPosture {
  const place = workloadPlacer(cluster, workloads, entities);
  const tallies = new PostureTallies(cluster);

  const findings = new Map<string, Finding>();
  for (const { target, ...rest } of reports.findings) {
    const { workload, entityRef } = place(target);
    const id = findingId(cluster, rest, workload);
    if (findings.has(id)) continue; // the same finding on an old and a new ReplicaSet of one Deployment
    findings.set(id, {
      id,
      ...rest,
      ...(workload
        ? { workload: { kind: workload.kind, name: workload.name } }
        : {}),
      ...(entityRef ? { entityRef } : {}),
    });
    const key = workload && workloadKey(workload);
    for (const tally of tallies.scopesOf(rest.namespace, entityRef))
      countFinding(tally, rest, key);
  }

  // Clean scans count too: a scanned workload without findings scores 100.
  for (const target of reports.scanned) {
    const { workload, entityRef } = place(target);
    for (const tally of tallies.scopesOf(workload?.namespace, entityRef)) {
      tally.workloads.add(workloadKey(workload!));
      tally.scannedWorkload(workloadKey(workload!));
    }
  }
  for (const check of reports.checks) {
    const { workload, entityRef } = place(check.target);
    for (const tally of tallies.scopesOf(workload?.namespace, entityRef)) {
      if (workload) tally.workloads.add(workloadKey(workload));
      tally.successes += check.successes;
      tally.warnings += check.warnings;
      tally.dangers += check.dangers;
    }
  }
  for (const policy of reports.policies) {
    const { workload, entityRef } = place(policy.target);
    for (const tally of tallies.scopesOf(
      workload?.namespace ?? policy.target?.namespace,
      entityRef,
    )) {
      if (workload) tally.workloads.add(workloadKey(workload));
      for (const outcome of ['pass', 'fail', 'warn', 'error', 'skip'] as const)
        tally.policy[outcome] += policy[outcome];
    }
  }
  // A cluster without any report still has a (null-scored) summary.
  tallies.scopesOf(undefined, undefined);

  return {
    findings: [...findings.values()],
    summaries: tallies.summaries(collectedAt, reports.compliance),
  };
}
