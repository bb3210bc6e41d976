import {
  Finding,
  PolicyCounts,
  PostureSummary,
  SeverityCounts,
} from '@homelab/plugin-homelab-common';
import { createHash } from 'node:crypto';
import { EntityIndex } from '../workloads/EntityIndex';
import { resolveWorkload } from '../workloads/resolveWorkload';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import {
  configurationScore,
  overallScore,
  policyScore,
  workloadVulnerabilityScore,
} from './postureScore';
import { ParsedReports, ReportTarget } from './reports';

const emptySeverities = (): SeverityCounts => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  unknown: 0,
});
const emptyPolicies = (): PolicyCounts => ({
  pass: 0,
  fail: 0,
  warn: 0,
  error: 0,
  skip: 0,
});
const workloadKey = (w: ReportTarget) =>
  `${w.kind}/${w.namespace ?? ''}/${w.name}`;

/** What is accumulated for one scope before its summary is written. */
class ScopeTally {
  readonly vulnerabilities = emptySeverities();
  readonly misconfigurations = emptySeverities();
  exposedSecrets = 0;
  readonly policy = emptyPolicies();
  successes = 0;
  warnings = 0;
  dangers = 0;
  readonly workloads = new Set<string>();
  /** Per scanned workload: unique vulnerabilities by severity, and secrets. */
  readonly scanned = new Map<
    string,
    { counts: SeverityCounts; ids: Set<string>; secrets: number }
  >();

  scannedWorkload(key: string) {
    let entry = this.scanned.get(key);
    if (!entry) {
      entry = { counts: emptySeverities(), ids: new Set(), secrets: 0 };
      this.scanned.set(key, entry);
    }
    return entry;
  }

  summary(
    base: Pick<
      PostureSummary,
      'scope' | 'key' | 'cluster' | 'namespace' | 'entityRef'
    >,
    collectedAt: string,
  ): PostureSummary {
    const workloadScores = [...this.scanned.values()].map(w =>
      workloadVulnerabilityScore(w.counts, w.secrets),
    );
    const vulnerabilityScore = workloadScores.length
      ? Math.round(
          workloadScores.reduce((sum, s) => sum + s, 0) / workloadScores.length,
        )
      : null;
    const configScore = configurationScore(
      this.successes,
      this.warnings,
      this.dangers,
    );
    const policy = policyScore(this.policy);
    return {
      ...base,
      score: overallScore([vulnerabilityScore, configScore, policy]),
      vulnerabilityScore,
      configScore,
      policyScore: policy,
      vulnerabilities: this.vulnerabilities,
      misconfigurations: this.misconfigurations,
      exposedSecrets: this.exposedSecrets,
      policy: this.policy,
      workloads: this.workloads.size,
      collectedAt,
    };
  }
}

export interface ClusterPosture {
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
  const labelsOf = new Map(
    (workloads?.workloads ?? []).map(w => [workloadKey(w), w.labels]),
  );
  // Thousands of findings share a workload: each is resolved once.
  const resolved = new Map<
    string,
    { workload?: ReportTarget; entityRef?: string }
  >();
  const resolve = (target: ReportTarget | undefined) => {
    if (!target) return { workload: undefined, entityRef: undefined };
    const key = workloadKey(target);
    let result = resolved.get(key);
    if (!result) {
      const workload = resolveWorkload(target, workloads);
      const entityRef = entities.entityFor(
        cluster,
        workload.namespace,
        labelsOf.get(workloadKey(workload)),
      );
      result = { workload, entityRef };
      resolved.set(key, result);
    }
    return result;
  };

  const tallies = new Map<
    string,
    {
      base: Pick<
        PostureSummary,
        'scope' | 'key' | 'cluster' | 'namespace' | 'entityRef'
      >;
      tally: ScopeTally;
    }
  >();
  const scopeTallies = new Map<string, ScopeTally[]>();
  const scopesOf = (
    namespace: string | undefined,
    entityRef: string | undefined,
  ) => {
    const scopeKey = `${namespace ?? ''}\u0000${entityRef ?? ''}`;
    const known = scopeTallies.get(scopeKey);
    if (known) return known;
    const bases: Array<
      Pick<
        PostureSummary,
        'scope' | 'key' | 'cluster' | 'namespace' | 'entityRef'
      >
    > = [{ scope: 'cluster', key: cluster, cluster }];
    if (namespace)
      bases.push({
        scope: 'namespace',
        key: `${cluster}/${namespace}`,
        cluster,
        namespace,
      });
    // An entity's posture is kept per cluster: its staging and production
    // workloads are different things, and each cluster's collection replaces
    // only its own summaries.
    if (entityRef)
      bases.push({
        scope: 'entity',
        key: `${cluster}:${entityRef}`,
        cluster,
        entityRef,
      });
    const scoped = bases.map(base => {
      const id = `${base.scope}:${base.key}`;
      let entry = tallies.get(id);
      if (!entry) {
        entry = { base, tally: new ScopeTally() };
        tallies.set(id, entry);
      }
      return entry.tally;
    });
    scopeTallies.set(scopeKey, scoped);
    return scoped;
  };

  const findings = new Map<string, Finding>();
  for (const raw of reports.findings) {
    const { target, ...rest } = raw;
    const { workload, entityRef } = resolve(target);
    const id = createHash('sha1')
      .update(
        `${cluster}|${rest.source}|${rest.namespace ?? ''}|${
          workload?.kind ?? ''
        }|${workload?.name ?? ''}|${rest.container ?? ''}|${rest.checkId}|${
          rest.resource ?? ''
        }|${rest.installedVersion ?? ''}`,
      )
      .digest('hex')
      .slice(0, 20);
    if (findings.has(id)) continue; // the same finding on an old and a new ReplicaSet of one Deployment
    const finding: Finding = {
      id,
      ...rest,
      ...(workload
        ? { workload: { kind: workload.kind, name: workload.name } }
        : {}),
      ...(entityRef ? { entityRef } : {}),
    };
    findings.set(id, finding);

    const key = workload && workloadKey(workload);
    for (const tally of scopesOf(rest.namespace, entityRef)) {
      if (key) tally.workloads.add(key);
      if (rest.source === 'vulnerability') {
        tally.vulnerabilities[rest.severity]++;
        if (key) {
          const scanned = tally.scannedWorkload(key);
          if (!scanned.ids.has(rest.checkId)) {
            scanned.ids.add(rest.checkId);
            scanned.counts[rest.severity]++;
          }
        }
      } else if (rest.source === 'exposed-secret') {
        tally.exposedSecrets++;
        if (key) tally.scannedWorkload(key).secrets++;
      } else if (rest.source !== 'policy') {
        tally.misconfigurations[rest.severity]++;
      }
    }
  }

  // Clean scans count too: a scanned workload without findings scores 100.
  for (const target of reports.scanned) {
    const { workload, entityRef } = resolve(target);
    for (const tally of scopesOf(workload?.namespace, entityRef)) {
      tally.workloads.add(workloadKey(workload!));
      tally.scannedWorkload(workloadKey(workload!));
    }
  }
  for (const check of reports.checks) {
    const { workload, entityRef } = resolve(check.target);
    for (const tally of scopesOf(workload?.namespace, entityRef)) {
      if (workload) tally.workloads.add(workloadKey(workload));
      tally.successes += check.successes;
      tally.warnings += check.warnings;
      tally.dangers += check.dangers;
    }
  }
  for (const policy of reports.policies) {
    const { workload, entityRef } = resolve(policy.target);
    for (const tally of scopesOf(
      workload?.namespace ?? policy.target?.namespace,
      entityRef,
    )) {
      if (workload) tally.workloads.add(workloadKey(workload));
      for (const outcome of ['pass', 'fail', 'warn', 'error', 'skip'] as const)
        tally.policy[outcome] += policy[outcome];
    }
  }
  // A cluster without any report still has a (null-scored) summary.
  scopesOf(undefined, undefined);

  const summaries = [...tallies.values()].map(({ base, tally }) => {
    const summary = tally.summary(base, collectedAt);
    return base.scope === 'cluster' && reports.compliance.length
      ? { ...summary, compliance: reports.compliance }
      : summary;
  });
  return { findings: [...findings.values()], summaries };
}
