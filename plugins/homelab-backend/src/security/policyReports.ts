import { PolicyCounts } from '@homelab/plugin-homelab-common';
import { ParsedReports, ReportTarget, policySeverity } from './reports';

/**
 * A policy report: wgpolicyk8s.io/v1alpha2 PolicyReport and ClusterPolicyReport
 * (Kyverno writes one per resource), or openreports.io/v1alpha1 Report and
 * ClusterReport, which share the shape.
 */
export interface PolicyReport {
  kind: string;
  metadata: { name: string; namespace?: string };
  scope?: { kind: string; name: string; namespace?: string };
  results?: Array<{
    policy: string;
    rule?: string;
    result: 'pass' | 'fail' | 'warn' | 'error' | 'skip';
    severity?: string;
    category?: string;
    message?: string;
    resources?: Array<{ kind: string; name: string; namespace?: string }>;
  }>;
}

/** The policy report kinds, old and new API, this plugin reads. */
export const POLICY_REPORT_TYPES = [
  { group: 'wgpolicyk8s.io', version: 'v1alpha2', plural: 'policyreports' },
  {
    group: 'wgpolicyk8s.io',
    version: 'v1alpha2',
    plural: 'clusterpolicyreports',
  },
  { group: 'openreports.io', version: 'v1alpha1', plural: 'reports' },
  { group: 'openreports.io', version: 'v1alpha1', plural: 'clusterreports' },
];

const emptyCounts = (): PolicyCounts => ({
  pass: 0,
  fail: 0,
  warn: 0,
  error: 0,
  skip: 0,
});

/** Adds a policy report: failed, warned and errored results are findings; all count towards the policy score. */
export function addPolicyReport(
  parsed: ParsedReports,
  report: PolicyReport,
  cluster: string,
) {
  const tallies = new Map<string, { target?: ReportTarget } & PolicyCounts>();
  for (const result of report.results ?? []) {
    const resource = result.resources?.[0] ?? report.scope;
    const namespace = resource?.namespace ?? report.metadata.namespace;
    const target = resource
      ? {
          kind: resource.kind,
          name: resource.name,
          ...(namespace ? { namespace } : {}),
        }
      : undefined;
    const key = target
      ? `${target.kind}/${target.namespace ?? ''}/${target.name}`
      : '';
    const tally = tallies.get(key) ?? {
      ...(target ? { target } : {}),
      ...emptyCounts(),
    };
    tally[result.result]++;
    tallies.set(key, tally);
    if (result.result === 'pass' || result.result === 'skip') continue;
    const checkId = result.rule
      ? `${result.policy}/${result.rule}`
      : result.policy;
    parsed.findings.push({
      cluster,
      ...(namespace ? { namespace } : {}),
      ...(target ? { target } : {}),
      source: 'policy',
      severity: policySeverity(result.severity),
      checkId,
      title: `${
        result.result === 'error' ? 'Policy error' : 'Policy violation'
      }: ${checkId}`,
      ...(result.message ? { message: result.message } : {}),
      ...(result.category ? { category: result.category } : {}),
    });
  }
  parsed.policies.push(...tallies.values());
}
