import { PostureSummary, SeverityCounts } from '@homelab/plugin-homelab-common';
import { configurationScore, overallScore, policyScore } from './postureScore';
import { emptyPolicyCounts, emptySeverities, ReportCounts } from './reports';

const addSeverities = (into: SeverityCounts, counts: SeverityCounts) => {
  into.critical += counts.critical;
  into.high += counts.high;
  into.medium += counts.medium;
  into.low += counts.low;
  into.unknown += counts.unknown;
};

/** What is accumulated for one scope before its summary is written. */
class ScopeTally {
  readonly vulnerabilities = emptySeverities();
  readonly misconfigurations = emptySeverities();
  exposedSecrets = 0;
  readonly policy = emptyPolicyCounts();
  readonly checks = { successes: 0, warnings: 0, dangers: 0 };
  readonly workloads = new Set<string>();
  /** The vulnerability score of each scanned workload in the scope. */
  readonly workloadScores: number[] = [];

  add(counts: ReportCounts) {
    if (counts.vulnerabilities)
      addSeverities(this.vulnerabilities, counts.vulnerabilities);
    if (counts.misconfigurations)
      addSeverities(this.misconfigurations, counts.misconfigurations);
    this.exposedSecrets += counts.exposedSecrets ?? 0;
    if (counts.policy) {
      for (const outcome of Object.keys(this.policy) as Array<
        keyof typeof this.policy
      >)
        this.policy[outcome]! += counts.policy[outcome] ?? 0;
    }
    if (counts.checks) {
      this.checks.successes += counts.checks.successes;
      this.checks.warnings += counts.checks.warnings;
      this.checks.dangers += counts.checks.dangers;
    }
  }

  summary(base: SummaryBase, collectedAt: string): PostureSummary {
    const scores = this.workloadScores;
    const vulnerabilityScore = scores.length
      ? Math.round(scores.reduce((sum, s) => sum + s, 0) / scores.length)
      : null;
    const configScore = configurationScore(this.checks);
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
  /**
   * The tallies a namespace and entity pair counts towards, found once per
   * pair, by namespace and then entity: keys the reports' own strings, where
   * a key joined from both was a new string to hash for each of thousands
   * of reports.
   */
  readonly #scopeTallies = new Map<string, Map<string, ScopeTally[]>>();

  constructor(private readonly cluster: string) {}

  /** The tallies of the cluster, the namespace and the entity, whichever are given. */
  scopesOf(
    namespace: string | undefined,
    entityRef: string | undefined,
  ): ScopeTally[] {
    let byEntity = this.#scopeTallies.get(namespace ?? '');
    if (!byEntity) {
      byEntity = new Map();
      this.#scopeTallies.set(namespace ?? '', byEntity);
    }
    const known = byEntity.get(entityRef ?? '');
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
    byEntity.set(entityRef ?? '', scoped);
    return scoped;
  }

  /** A summary per scope, in the order the scopes were first named; the cluster's with what only it has. */
  summaries(
    collectedAt: string,
    clusterOnly: Pick<PostureSummary, 'compliance' | 'discrepancies'>,
  ): PostureSummary[] {
    return [...this.#tallies.values()].map(({ base, tally }) => {
      const summary = tally.summary(base, collectedAt);
      if (base.scope !== 'cluster') return summary;
      return {
        ...summary,
        ...(clusterOnly.compliance?.length
          ? { compliance: clusterOnly.compliance }
          : {}),
        ...(clusterOnly.discrepancies?.length
          ? { discrepancies: clusterOnly.discrepancies }
          : {}),
      };
    });
  }
}
