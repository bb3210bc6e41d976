import {
  PolicyCounts,
  PostureSummary,
  SeverityCounts,
} from '@homelab/plugin-homelab-common';
import {
  configurationScore,
  overallScore,
  policyScore,
  workloadVulnerabilityScore,
} from './postureScore';

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

/** What is accumulated for one scope before its summary is written. */
export class ScopeTally {
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

/** Which summary a tally is for. */
type SummaryBase = Pick<
  PostureSummary,
  'scope' | 'key' | 'cluster' | 'namespace' | 'entityRef'
>;

/**
 * The tallies of one cluster's scopes: the cluster, each namespace and each
 * entity, created as findings and reports name them.
 */
export class PostureTallies {
  readonly #tallies = new Map<
    string,
    { base: SummaryBase; tally: ScopeTally }
  >();
  /** The tallies a namespace and entity pair counts towards, found once per pair. */
  readonly #scopeTallies = new Map<string, ScopeTally[]>();

  constructor(private readonly cluster: string) {}

  /** The tallies of the cluster, the namespace and the entity, whichever are given. */
  scopesOf(
    namespace: string | undefined,
    entityRef: string | undefined,
  ): ScopeTally[] {
    const scopeKey = `${namespace ?? ''}\u0000${entityRef ?? ''}`;
    const known = this.#scopeTallies.get(scopeKey);
    if (known) return known;
    const cluster = this.cluster;
    const bases: SummaryBase[] = [{ scope: 'cluster', key: cluster, cluster }];
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
      let entry = this.#tallies.get(id);
      if (!entry) {
        entry = { base, tally: new ScopeTally() };
        this.#tallies.set(id, entry);
      }
      return entry.tally;
    });
    this.#scopeTallies.set(scopeKey, scoped);
    return scoped;
  }

  /** A summary per scope, in the order the scopes were first named. */
  summaries(
    collectedAt: string,
    compliance: PostureSummary['compliance'],
  ): PostureSummary[] {
    return [...this.#tallies.values()].map(({ base, tally }) => {
      const summary = tally.summary(base, collectedAt);
      return base.scope === 'cluster' && compliance?.length
        ? { ...summary, compliance }
        : summary;
    });
  }
}
