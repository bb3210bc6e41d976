import {
  FindingSeverity,
  FindingSource,
  SeverityCounts,
} from '@homelab/plugin-homelab-common';
import type { V1OwnerReference } from '@kubernetes/client-node';
import { hash } from 'node:crypto';
import { parseTrivyCompliance, TrivyComplianceStatus } from './trivyCompliance';
import {
  CheckCounts,
  compareWithSummary,
  countSeverity,
  emptySeverities,
  isDanger,
  ListedVulnerability,
  nonZero,
  ParsedReport,
  ReportCounts,
  ReportRef,
  reportName,
  ReportTarget,
  statedCount,
  trivySeverity,
} from './reports';

/** A Trivy severity count summary, as every report kind states it. */
interface TrivySummary {
  criticalCount?: unknown;
  highCount?: unknown;
  mediumCount?: unknown;
  lowCount?: unknown;
  unknownCount?: unknown;
  noneCount?: unknown;
}

/**
 * Trivy Operator reports (aquasecurity.github.io/v1alpha1). Their data is
 * under the top-level `report`, and labels name the object they are about.
 */
export interface TrivyReport {
  apiVersion?: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: V1OwnerReference[];
  };
  report?: {
    updateTimestamp?: string | null;
    artifact?: { repository?: string; tag?: string };
    summary?: TrivySummary;
    vulnerabilities?: ListedVulnerability[];
    checks?: Array<{
      checkID?: string;
      title?: string;
      severity?: string;
      category?: string;
      success?: boolean;
      messages?: string[];
      scope?: { type?: string; value?: string };
    }>;
    secrets?: Array<{
      ruleID?: string;
      title?: string;
      severity?: string;
      category?: string;
      target?: string;
      match?: string;
    }>;
  };
  spec?: { compliance?: { title?: string } };
  status?: TrivyComplianceStatus;
}

/** The Trivy Operator kinds this plugin reads, and what their findings are. */
export const TRIVY_KINDS: ReadonlyArray<{
  kind: string;
  plural: string;
  source?: FindingSource;
}> = [
  {
    kind: 'VulnerabilityReport',
    plural: 'vulnerabilityreports',
    source: 'vulnerability',
  },
  {
    kind: 'ClusterVulnerabilityReport',
    plural: 'clustervulnerabilityreports',
    source: 'vulnerability',
  },
  {
    kind: 'ExposedSecretReport',
    plural: 'exposedsecretreports',
    source: 'exposed-secret',
  },
  {
    kind: 'ConfigAuditReport',
    plural: 'configauditreports',
    source: 'config-audit',
  },
  {
    kind: 'ClusterConfigAuditReport',
    plural: 'clusterconfigauditreports',
    source: 'config-audit',
  },
  {
    kind: 'InfraAssessmentReport',
    plural: 'infraassessmentreports',
    source: 'config-audit',
  },
  {
    kind: 'ClusterInfraAssessmentReport',
    plural: 'clusterinfraassessmentreports',
    source: 'config-audit',
  },
  {
    kind: 'RbacAssessmentReport',
    plural: 'rbacassessmentreports',
    source: 'rbac-assessment',
  },
  {
    kind: 'ClusterRbacAssessmentReport',
    plural: 'clusterrbacassessmentreports',
    source: 'rbac-assessment',
  },
  { kind: 'ClusterComplianceReport', plural: 'clustercompliancereports' },
];

export const TRIVY_GROUP = 'aquasecurity.github.io';
export const TRIVY_VERSION = 'v1alpha1';

const SOURCE_OF = new Map(TRIVY_KINDS.map(k => [k.kind, k.source]));

/**
 * The object a report is about: its trivy-operator.resource labels, the
 * annotation Trivy puts the name in when it is too long for a label (RBAC
 * roles), or else the object owning the report.
 */
function targetOf(report: TrivyReport): ReportTarget | undefined {
  const labels = report.metadata.labels ?? {};
  const owner = report.metadata.ownerReferences?.find(o => o.controller);
  const kind = labels['trivy-operator.resource.kind'] ?? owner?.kind;
  const name =
    labels['trivy-operator.resource.name'] ??
    report.metadata.annotations?.['trivy-operator.resource.name'] ??
    owner?.name;
  if (!kind || !name) return undefined;
  const namespace =
    labels['trivy-operator.resource.namespace'] || report.metadata.namespace;
  return { kind, name, ...(namespace ? { namespace } : {}) };
}

/** The summary's counts; undefined when the report has no summary it states in numbers. */
function summaryCounts(
  summary: TrivySummary | undefined,
): SeverityCounts | undefined {
  if (!summary) return undefined;
  const critical = statedCount(summary.criticalCount);
  const high = statedCount(summary.highCount);
  const medium = statedCount(summary.mediumCount);
  const low = statedCount(summary.lowCount);
  if (
    critical === undefined ||
    high === undefined ||
    medium === undefined ||
    low === undefined
  )
    return undefined;
  return {
    critical,
    high,
    medium,
    low,
    unknown:
      (statedCount(summary.unknownCount) ?? 0) +
      (statedCount(summary.noneCount) ?? 0),
  };
}

/** Tallies severities, each missing or unknown one as unknown with a warning. */
class SeverityTally {
  readonly counts = emptySeverities();
  #unrecognised = 0;

  add(severity: string | undefined): FindingSeverity {
    const known = trivySeverity(severity);
    if (!known) this.#unrecognised++;
    const counted = known ?? 'unknown';
    countSeverity(this.counts, counted);
    return counted;
  }

  warning(ref: ReportRef, what: string): string | undefined {
    return this.#unrecognised
      ? `${reportName(ref)}: ${
          this.#unrecognised
        } ${what} without a severity Trivy uses, counted as unknown`
      : undefined;
  }
}

/** What every finding of a report shares. */
interface ReportContext {
  ref: ReportRef;
  cluster: string;
  source: FindingSource;
  target?: ReportTarget;
  container?: string;
}

function base(context: ReportContext): {
  cluster: string;
  source: FindingSource;
  namespace?: string;
  target?: ReportTarget;
  container?: string;
} {
  const namespace = context.target?.namespace;
  return {
    cluster: context.cluster,
    source: context.source,
    ...(namespace ? { namespace } : {}),
    ...(context.target ? { target: context.target } : {}),
    ...(context.container ? { container: context.container } : {}),
  };
}

function readVulnerabilities(
  report: TrivyReport,
  context: ReportContext,
  parsed: ParsedReport,
  tally: SeverityTally,
) {
  const artifact = report.report?.artifact;
  const message = artifact?.repository
    ? `in ${artifact.repository}${artifact.tag ? `:${artifact.tag}` : ''}`
    : undefined;
  const items = report.report?.vulnerabilities ?? [];
  for (let i = 0; i < items.length; i++) tally.add(items[i].severity);
  parsed.vulnerabilities = {
    shared: { ...base(context), ...(message ? { message } : {}) },
    items,
  };
}

function readSecrets(
  report: TrivyReport,
  context: ReportContext,
  parsed: ParsedReport,
  tally: SeverityTally,
) {
  const shared = base(context);
  for (const secret of report.report?.secrets ?? []) {
    const rule = secret.ruleID || 'unknown rule';
    parsed.findings.push({
      ...shared,
      severity: tally.add(secret.severity),
      checkId: rule,
      title: secret.title || rule,
      ...(secret.category ? { category: secret.category } : {}),
      ...(secret.target ? { message: `in ${secret.target}` } : {}),
      // The match is (part of) the secret: only a hash of it tells two
      // secrets of one rule in one file apart; the text is never copied.
      distinguishing: `${secret.target ?? ''}\u0000${hash(
        'sha256',
        secret.match ?? '',
      )}`,
    });
  }
}

/**
 * Configuration checks. A report that lists no passed check was written
 * with Trivy Operator's report.recordFailedChecksOnly (its default): its
 * failures count, but it cannot say how many checks passed, so it adds
 * nothing to the configuration score.
 */
function readChecks(
  report: TrivyReport,
  context: ReportContext,
  parsed: ParsedReport,
  tally: SeverityTally,
): CheckCounts | undefined {
  const shared = base(context);
  const checks = { successes: 0, warnings: 0, dangers: 0 };
  let withoutOutcome = 0;
  for (const check of report.report?.checks ?? []) {
    if (check.success === true) {
      checks.successes++;
      continue;
    }
    if (check.success !== false) withoutOutcome++;
    const severity = tally.add(check.severity);
    if (isDanger(severity)) checks.dangers++;
    else checks.warnings++;
    const id = check.checkID || 'unknown check';
    const message = check.messages?.filter(Boolean).join('; ');
    const scope = check.scope?.value
      ? `${check.scope.type ?? ''}:${check.scope.value}`
      : '';
    parsed.findings.push({
      ...shared,
      severity,
      checkId: id,
      title: check.title || id,
      ...(check.category ? { category: check.category } : {}),
      ...(message ? { message } : {}),
      ...(check.scope?.type === 'Container' && check.scope.value
        ? { container: check.scope.value }
        : {}),
      distinguishing: `${scope}\u0000${message ?? ''}`,
    });
  }
  if (withoutOutcome) {
    parsed.warnings.push(
      `${reportName(
        context.ref,
      )}: ${withoutOutcome} check(s) without "success", counted as failed`,
    );
  }
  return checks.successes > 0 ? checks : undefined;
}

/**
 * Reads one Trivy Operator report: its findings, and its counts from its
 * own summary, with any disagreement between the summary and the listed
 * findings flagged.
 */
export function parseTrivyReport(
  report: TrivyReport,
  cluster: string,
): ParsedReport {
  const ref: ReportRef = {
    apiVersion: report.apiVersion ?? `${TRIVY_GROUP}/${TRIVY_VERSION}`,
    kind: report.kind,
    name: report.metadata.name,
    ...(report.metadata.namespace
      ? { namespace: report.metadata.namespace }
      : {}),
  };
  const parsed: ParsedReport = {
    ref,
    tallies: [],
    findings: [],
    warnings: [],
  };
  if (report.kind === 'ClusterComplianceReport') {
    return parseTrivyCompliance(report, parsed);
  }
  const source = SOURCE_OF.get(report.kind);
  if (!source) {
    parsed.warnings.push(`${reportName(ref)}: not a kind this plugin reads`);
    return parsed;
  }
  const target = targetOf(report);
  const container = report.metadata.labels?.['trivy-operator.container.name'];
  const context: ReportContext = {
    ref,
    cluster,
    source,
    target,
    ...(container ? { container } : {}),
  };
  const updatedAt = report.report?.updateTimestamp ?? undefined;
  if (target) {
    parsed.revision = {
      target,
      ...(container ? { container } : {}),
      ...(updatedAt ? { updatedAt } : {}),
    };
  }

  const tally = new SeverityTally();
  let what = 'check(s)';
  let checks: CheckCounts | undefined;
  if (source === 'vulnerability') {
    readVulnerabilities(report, context, parsed, tally);
    what = 'vulnerabilities';
  } else if (source === 'exposed-secret') {
    readSecrets(report, context, parsed, tally);
    what = 'secret(s)';
  } else {
    checks = readChecks(report, context, parsed, tally);
  }
  parsed.scanned = source === 'vulnerability' || source === 'exposed-secret';
  const unrecognised = tally.warning(ref, what);
  if (unrecognised) parsed.warnings.push(unrecognised);

  const summary = summaryCounts(report.report?.summary);
  if (report.report?.summary && !summary) {
    parsed.warnings.push(
      `${reportName(
        ref,
      )}: its summary does not state every count, so its listed findings are counted`,
    );
  }
  const counted = summary ?? tally.counts;
  if (summary) {
    const discrepancy = compareWithSummary(ref, summary, tally.counts, nonZero);
    if (discrepancy) parsed.discrepancy = discrepancy;
  }
  let counts: ReportCounts;
  if (source === 'vulnerability') counts = { vulnerabilities: counted };
  else if (source === 'exposed-secret')
    counts = {
      exposedSecrets: Object.values(counted).reduce(
        (sum, count) => sum + count,
        0,
      ),
    };
  else counts = { misconfigurations: counted, ...(checks ? { checks } : {}) };
  parsed.tallies.push({
    ...(target ? { target } : {}),
    ...(!target && report.metadata.namespace
      ? { namespace: report.metadata.namespace }
      : {}),
    counts,
  });
  return parsed;
}
