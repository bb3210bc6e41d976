import {
  Finding,
  FindingSeverity,
  PolicyCounts,
} from '@homelab/plugin-homelab-common';

/** A Kubernetes object a report is about, before ReplicaSets and Pods are resolved to their workloads. */
export interface ReportTarget {
  kind: string;
  name: string;
  namespace?: string;
}

/** A finding as a report states it: no id, workload or entity yet. */
export type RawFinding = Omit<Finding, 'id' | 'workload' | 'entityRef'> & {
  target?: ReportTarget;
};

/** Outcomes of configuration checks on one target, for the Polaris-style score. */
export interface CheckTally {
  target: ReportTarget;
  successes: number;
  /** Failed checks of warning weight (Polaris warning; Trivy low and medium). */
  warnings: number;
  /** Failed checks of danger weight (Polaris danger; Trivy high and critical). */
  dangers: number;
}

/** Policy results on one target. */
export interface PolicyTally extends PolicyCounts {
  target?: ReportTarget;
}

/** A cluster-wide compliance report, such as the CIS benchmark. */
export interface ComplianceResult {
  name: string;
  title?: string;
  pass: number;
  fail: number;
}

/** What the reports of one cluster say, before workloads and entities are resolved. */
export interface ParsedReports {
  findings: RawFinding[];
  checks: CheckTally[];
  policies: PolicyTally[];
  /** Targets with image scans (vulnerabilities or secrets): the denominators of the vulnerability score. */
  scanned: ReportTarget[];
  compliance: ComplianceResult[];
}

export function emptyReports(): ParsedReports {
  return {
    findings: [],
    checks: [],
    policies: [],
    scanned: [],
    compliance: [],
  };
}

const TRIVY_SEVERITIES: Record<string, FindingSeverity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  UNKNOWN: 'unknown',
};

export function trivySeverity(severity: string | undefined): FindingSeverity {
  return TRIVY_SEVERITIES[(severity ?? '').toUpperCase()] ?? 'unknown';
}

const POLICY_SEVERITIES: Record<string, FindingSeverity> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  info: 'low',
};

export function policySeverity(severity: string | undefined): FindingSeverity {
  return POLICY_SEVERITIES[(severity ?? '').toLowerCase()] ?? 'unknown';
}

/** High and critical failures weigh as Polaris dangers; the rest as warnings. */
export function isDanger(severity: FindingSeverity): boolean {
  return severity === 'critical' || severity === 'high';
}
