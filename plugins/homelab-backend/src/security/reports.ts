import {
  Finding,
  FindingSeverity,
  PolicyCounts,
  ReportDiscrepancy,
  SeverityCounts,
} from '@homelab/plugin-homelab-common';

/** A Kubernetes object a report is about, before ReplicaSets and Pods are resolved to their workloads. */
export interface ReportTarget {
  kind: string;
  name: string;
  namespace?: string;
}

/** Which report something came from, for warnings and flagged disagreements. */
export interface ReportRef {
  apiVersion?: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** "ConfigAuditReport default/replicaset-nginx-6d4cf56db6", as warnings name a report. */
export function reportName(ref: ReportRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** A finding as a report states it: no id, workload or entity yet. */
export type RawFinding = Omit<Finding, 'id' | 'workload' | 'entityRef'> & {
  target?: ReportTarget;
  /**
   * What tells this finding from others of the same check on the same
   * target and container, beyond the fields of a Finding: a secret's file
   * and a hash of its match, a policy result's message, resources and
   * properties. Part of the finding's id, never shown.
   */
  distinguishing?: string;
};

/** A vulnerability as a Trivy VulnerabilityReport lists it. */
export interface ListedVulnerability {
  vulnerabilityID?: string;
  severity?: string;
  title?: string;
  resource?: string;
  installedVersion?: string;
  fixedVersion?: string;
  primaryLink?: string;
  target?: string;
  packagePath?: string;
  packagePURL?: string;
}

/**
 * An image scan's vulnerabilities as its report lists them: they become
 * findings when they are stored, not an object each while a cluster's
 * reports are read (issue 12's bench). Their severities are read where
 * they are needed (listedSeverity), not kept in an array per report.
 */
export interface ListedVulnerabilities {
  /** What the findings of the scan share. */
  shared: Pick<
    RawFinding,
    'cluster' | 'source' | 'namespace' | 'target' | 'container' | 'message'
  >;
  /** The report's own objects. */
  items: ListedVulnerability[];
}

/** Configuration checks on one target, for the Polaris-formula score. */
export interface CheckCounts {
  successes: number;
  /** Failed checks of warning weight (Polaris warning; Trivy low, medium and unknown). */
  warnings: number;
  /** Failed checks of danger weight (Polaris danger; Trivy high and critical). */
  dangers: number;
}

/**
 * What one report adds to the counts of its scopes: its own summary where
 * it has one, what it lists otherwise.
 */
export interface ReportCounts {
  vulnerabilities?: SeverityCounts;
  misconfigurations?: SeverityCounts;
  exposedSecrets?: number;
  policy?: PolicyCounts;
  /** Checks for the configuration score; absent when the report does not say how many passed. */
  checks?: CheckCounts;
}

/** A cluster-wide compliance report, such as the CIS benchmark. */
export interface ComplianceResult {
  name: string;
  title?: string;
  pass: number;
  fail: number;
}

/** What a report adds to the counts of the scopes of one object it is about. */
export interface ReportTally {
  /** The object; absent for what is about the cluster (or the report's namespace) as a whole. */
  target?: ReportTarget;
  /** Without a target: the namespace the counts belong to, if any. */
  namespace?: string;
  counts: ReportCounts;
}

/** One report, read. */
export interface ParsedReport {
  ref: ReportRef;
  /** What it adds to the counts, per object it is about. */
  tallies: ReportTally[];
  findings: RawFinding[];
  /** A vulnerability scan's findings, as it lists them. */
  vulnerabilities?: ListedVulnerabilities;
  /**
   * A Trivy report on one object (and container): of two reports of one
   * kind on one workload container, such as the old and the new ReplicaSet
   * of a rollout, only the one written last counts.
   */
  revision?: { target: ReportTarget; container?: string; updatedAt?: string };
  /** An image scan (vulnerabilities or secrets): its workload is scored even without findings. */
  scanned?: boolean;
  compliance?: ComplianceResult;
  /** Where its own summary and its listed results disagree. */
  discrepancy?: ReportDiscrepancy;
  /** Values it holds that are missing or unknown, counted as unknown. */
  warnings: string[];
}

export const emptySeverities = (): SeverityCounts => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  unknown: 0,
});

/**
 * Counts one finding of `severity`. A cluster's reports list hundreds of
 * thousands: a property named in the code is one store, where
 * `counts[severity]++` looks up one of five names each time (ten times
 * slower, measured for issue 12).
 */
export function countSeverity(
  counts: SeverityCounts,
  severity: FindingSeverity,
): void {
  switch (severity) {
    case 'critical':
      counts.critical++;
      break;
    case 'high':
      counts.high++;
      break;
    case 'medium':
      counts.medium++;
      break;
    case 'low':
      counts.low++;
      break;
    default:
      counts.unknown++;
  }
}

export const emptyPolicyCounts = (): PolicyCounts => ({
  pass: 0,
  fail: 0,
  warn: 0,
  error: 0,
  skip: 0,
  unknown: 0,
});

const TRIVY_SEVERITIES = new Map<string, FindingSeverity>([
  ['CRITICAL', 'critical'],
  ['HIGH', 'high'],
  ['MEDIUM', 'medium'],
  ['LOW', 'low'],
  ['UNKNOWN', 'unknown'],
  // Trivy's "no severity" (noneCount in its summaries).
  ['NONE', 'unknown'],
]);

/** A Trivy severity; undefined when it is missing or not one of Trivy's. */
export function trivySeverity(
  severity: string | undefined,
): FindingSeverity | undefined {
  // Trivy writes them in capitals, and a cluster's reports list hundreds
  // of thousands: compared with constants, they are neither hashed for a
  // lookup nor copied in upper case.
  switch (severity) {
    case 'CRITICAL':
      return 'critical';
    case 'HIGH':
      return 'high';
    case 'MEDIUM':
      return 'medium';
    case 'LOW':
      return 'low';
    case 'UNKNOWN':
      return 'unknown';
    case undefined:
      return undefined;
    default:
      return TRIVY_SEVERITIES.get(severity.toUpperCase());
  }
}

/** A listed vulnerability's severity, as its report's counts count it: one Trivy does not use is unknown. */
export function listedSeverity(
  vulnerability: ListedVulnerability,
): FindingSeverity {
  return trivySeverity(vulnerability.severity) ?? 'unknown';
}

const POLICY_SEVERITIES = new Map<string, FindingSeverity>([
  ['critical', 'critical'],
  ['high', 'high'],
  ['medium', 'medium'],
  ['low', 'low'],
  ['info', 'low'],
  // Falco's priorities, which its policy reports may carry instead.
  ['emergency', 'critical'],
  ['alert', 'critical'],
  ['error', 'high'],
  ['warning', 'medium'],
  ['notice', 'low'],
  ['informational', 'low'],
  ['debug', 'low'],
]);

/**
 * A policy report severity (or Falco priority); undefined when it is not
 * one, as a name of an object's own properties ("constructor") is not.
 */
export function policySeverity(severity: unknown): FindingSeverity | undefined {
  return typeof severity === 'string'
    ? POLICY_SEVERITIES.get(severity.toLowerCase())
    : undefined;
}

/** High and critical failures weigh as Polaris dangers; the rest as warnings. */
export function isDanger(severity: FindingSeverity): boolean {
  return severity === 'critical' || severity === 'high';
}

/** A count a report states: a non-negative whole number, or undefined. */
export function statedCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? value
    : undefined;
}

/**
 * Compares what a report's summary says with what its listed results add
 * up to; a discrepancy where any count differs, its counts as `shown` shows
 * them (made only then: thousands of reports agree with their summaries).
 */
export function compareWithSummary<T extends object>(
  ref: ReportRef,
  summary: T,
  listed: T,
  shown: (counts: T) => Record<string, number> = counts =>
    counts as Record<string, number>,
): ReportDiscrepancy | undefined {
  const stated = summary as Record<string, number | undefined>;
  const counted = listed as Record<string, number | undefined>;
  for (const key in stated)
    if ((stated[key] ?? 0) !== (counted[key] ?? 0))
      return discrepancy(ref, shown(summary), shown(listed));
  for (const key in counted)
    if (!(key in stated) && (counted[key] ?? 0) !== 0)
      return discrepancy(ref, shown(summary), shown(listed));
  return undefined;
}

function discrepancy(
  ref: ReportRef,
  summary: Record<string, number>,
  listed: Record<string, number>,
): ReportDiscrepancy {
  return {
    ...(ref.apiVersion ? { apiVersion: ref.apiVersion } : {}),
    kind: ref.kind,
    name: ref.name,
    ...(ref.namespace ? { namespace: ref.namespace } : {}),
    summary,
    listed,
  };
}

/** Only the counts that are not zero, as a discrepancy shows them. */
export function nonZero(counts: object): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).filter(([, value]) => value !== 0),
  ) as Record<string, number>;
}
