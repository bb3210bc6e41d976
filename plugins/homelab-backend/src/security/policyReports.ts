import { FindingSeverity, PolicyCounts } from '@homelab/plugin-homelab-common';
import { stableJson } from './findingId';
import {
  compareWithSummary,
  emptyPolicyCounts,
  nonZero,
  ParsedReport,
  policySeverity,
  RawFinding,
  ReportRef,
  reportName,
  ReportTally,
  ReportTarget,
  statedCount,
} from './reports';

interface ObjectReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  uid?: string;
}

/** One result of a policy report, in any of the API versions. */
export interface PolicyReportResult {
  policy?: string;
  rule?: string;
  /** The outcome (v1alpha2 and later). */
  result?: string;
  /** The outcome in wgpolicyk8s.io/v1alpha1. */
  status?: string;
  severity?: string;
  category?: string;
  message?: string;
  source?: string;
  properties?: Record<string, unknown>;
  resources?: ObjectReference[];
  timestamp?: unknown;
}

/**
 * A PolicyReport or ClusterPolicyReport of wgpolicyk8s.io (v1alpha1,
 * v1alpha2, v1beta1) or reports.x-k8s.io (v1beta1, v1beta2), or a Report or
 * ClusterReport of openreports.io (v1alpha1): one shape.
 */
export interface PolicyReport {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  scope?: ObjectReference;
  source?: string;
  summary?: Record<string, unknown>;
  results?: PolicyReportResult[];
}

const OUTCOMES = ['pass', 'fail', 'warn', 'error', 'skip'] as const;
type Outcome = (typeof OUTCOMES)[number] | 'unknown';

const TITLES: Record<Exclude<Outcome, 'pass' | 'skip'>, string> = {
  fail: 'Policy violation',
  warn: 'Policy warning',
  error: 'Policy error',
  unknown: 'Policy result unknown',
};

function outcomeOf(result: PolicyReportResult): Outcome {
  const stated = result.result ?? result.status;
  return (OUTCOMES as readonly string[]).includes(stated as string)
    ? (stated as Outcome)
    : 'unknown';
}

/**
 * The severity of a result: its own, or where an engine puts it in the
 * properties (Falco: severity, or its priority).
 */
function severityOf(result: PolicyReportResult): FindingSeverity | undefined {
  return (
    policySeverity(result.severity) ??
    policySeverity(result.properties?.severity) ??
    policySeverity(result.properties?.priority)
  );
}

function targetOf(
  reference: ObjectReference | undefined,
  namespace: string | undefined,
): ReportTarget | undefined {
  if (!reference?.kind || !reference.name) return undefined;
  const ns = reference.namespace || namespace;
  return {
    kind: reference.kind,
    name: reference.name,
    ...(ns ? { namespace: ns } : {}),
  };
}

/** The counts its summary states; undefined when it has none, or states one that is not a count. */
function summaryOf(
  report: PolicyReport,
  warnings: string[],
): PolicyCounts | undefined {
  const summary = report.summary;
  if (!summary || typeof summary !== 'object') return undefined;
  const counts = emptyPolicyCounts();
  for (const outcome of OUTCOMES) {
    if (summary[outcome] === undefined) continue;
    const count = statedCount(summary[outcome]);
    if (count === undefined) {
      warnings.push(
        `${reportName(
          refOf(report),
        )}: its summary's ${outcome} is not a count, so its listed results are counted`,
      );
      return undefined;
    }
    counts[outcome] = count;
  }
  return counts;
}

function refOf(report: PolicyReport): ReportRef {
  return {
    ...(report.apiVersion ? { apiVersion: report.apiVersion } : {}),
    kind: report.kind ?? 'PolicyReport',
    name: report.metadata.name,
    ...(report.metadata.namespace
      ? { namespace: report.metadata.namespace }
      : {}),
  };
}

/** The finding of a result that did not pass or skip. */
function findingOf(
  result: PolicyReportResult,
  outcome: Exclude<Outcome, 'pass' | 'skip'>,
  target: ReportTarget | undefined,
  cluster: string,
  severity: FindingSeverity,
): RawFinding {
  const checkId =
    [result.policy, result.rule].filter(Boolean).join('/') || 'unnamed policy';
  const namespace = target?.namespace;
  return {
    cluster,
    ...(namespace ? { namespace } : {}),
    ...(target ? { target } : {}),
    source: 'policy',
    severity,
    checkId,
    title: `${TITLES[outcome]}: ${checkId}`,
    ...(result.message ? { message: result.message } : {}),
    ...(result.category ? { category: result.category } : {}),
    // Everything the result says but when it was evaluated, which changes
    // from one background scan to the next.
    distinguishing: stableJson({ ...result, timestamp: undefined, outcome }),
  };
}

/**
 * Reads one policy report: a finding for every result that failed, warned,
 * errored or has no known result, and its counts from its own summary where
 * it has one (an engine may list only its failures), with any disagreement
 * between the summary and the listed results flagged. Where both agree, the
 * counts go to each result's resource; otherwise to the report's scope.
 */
export function parsePolicyReport(
  report: PolicyReport,
  cluster: string,
): ParsedReport {
  const ref = refOf(report);
  const namespace = report.metadata.namespace;
  const scope = targetOf(report.scope, namespace);
  const parsed: ParsedReport = {
    ref,
    tallies: [],
    findings: [],
    warnings: [],
  };
  const listed = emptyPolicyCounts();
  const byResource = new Map<string, ReportTally>();
  let withoutSeverity = 0;
  for (const result of report.results ?? []) {
    const outcome = outcomeOf(result);
    listed[outcome]++;
    const target = targetOf(result.resources?.[0], namespace) ?? scope;
    const key = target
      ? `${target.kind}/${target.namespace ?? ''}/${target.name}`
      : '';
    let tally = byResource.get(key);
    if (!tally) {
      tally = tallyFor(target, namespace, emptyPolicyCounts());
      byResource.set(key, tally);
    }
    tally.counts.policy![outcome]++;
    if (outcome === 'pass' || outcome === 'skip') continue;
    let severity = severityOf(result);
    if (!severity) {
      withoutSeverity++;
      severity = 'unknown';
    }
    parsed.findings.push(findingOf(result, outcome, target, cluster, severity));
  }
  if (listed.unknown) {
    parsed.warnings.push(
      `${reportName(ref)}: ${
        listed.unknown
      } result(s) without a result its API defines, counted as unknown`,
    );
  }
  if (withoutSeverity) {
    parsed.warnings.push(
      `${reportName(
        ref,
      )}: ${withoutSeverity} result(s) without a severity, counted as unknown`,
    );
  }
  const summary = summaryOf(report, parsed.warnings);
  const discrepancy =
    summary && compareWithSummary(ref, summary, listed, nonZero);
  if (discrepancy) {
    // The summary counts, on what the report as a whole is about.
    parsed.discrepancy = discrepancy;
    parsed.tallies.push(tallyFor(scope, namespace, summary));
  } else if (byResource.size) {
    parsed.tallies.push(...byResource.values());
  } else if (summary) {
    parsed.tallies.push(tallyFor(scope, namespace, summary));
  }
  return parsed;
}

function tallyFor(
  target: ReportTarget | undefined,
  namespace: string | undefined,
  policy: PolicyCounts,
): ReportTally {
  if (target) return { target, counts: { policy } };
  return { ...(namespace ? { namespace } : {}), counts: { policy } };
}
