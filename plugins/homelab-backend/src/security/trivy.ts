import { FindingSource } from '@homelab/plugin-homelab-common';
import {
  ParsedReports,
  ReportTarget,
  isDanger,
  trivySeverity,
} from './reports';

/**
 * Trivy Operator reports (aquasecurity.github.io/v1alpha1). Their data is
 * under the top-level `report`, and labels name the object they are about.
 */
export interface TrivyReport {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  report?: {
    artifact?: { repository?: string; tag?: string };
    vulnerabilities?: Array<{
      vulnerabilityID: string;
      severity?: string;
      title?: string;
      resource?: string;
      installedVersion?: string;
      fixedVersion?: string;
      primaryLink?: string;
    }>;
    checks?: Array<{
      checkID: string;
      title?: string;
      severity?: string;
      category?: string;
      success: boolean;
      messages?: string[];
    }>;
    secrets?: Array<{
      ruleID: string;
      title?: string;
      severity?: string;
      category?: string;
      target?: string;
    }>;
  };
  spec?: { compliance?: { title?: string } };
  status?: { summary?: { passCount?: number; failCount?: number } };
}

/** The Trivy Operator kinds this plugin reads. */
export const TRIVY_KINDS = [
  { kind: 'VulnerabilityReport', plural: 'vulnerabilityreports' },
  { kind: 'ConfigAuditReport', plural: 'configauditreports' },
  { kind: 'ExposedSecretReport', plural: 'exposedsecretreports' },
  { kind: 'RbacAssessmentReport', plural: 'rbacassessmentreports' },
  {
    kind: 'ClusterRbacAssessmentReport',
    plural: 'clusterrbacassessmentreports',
  },
  { kind: 'ClusterComplianceReport', plural: 'clustercompliancereports' },
] as const;

export const TRIVY_GROUP = 'aquasecurity.github.io';
export const TRIVY_VERSION = 'v1alpha1';

function targetOf(report: TrivyReport): ReportTarget | undefined {
  const labels = report.metadata.labels ?? {};
  const kind = labels['trivy-operator.resource.kind'];
  const name = labels['trivy-operator.resource.name'];
  if (!kind || !name) return undefined;
  const namespace =
    labels['trivy-operator.resource.namespace'] ?? report.metadata.namespace;
  return { kind, name, ...(namespace ? { namespace } : {}) };
}

/** Adds one Trivy report to what is known of its cluster. */
export function addTrivyReport(
  parsed: ParsedReports,
  report: TrivyReport,
  cluster: string,
) {
  if (report.kind === 'ClusterComplianceReport') {
    parsed.compliance.push({
      name: report.metadata.name,
      ...(report.spec?.compliance?.title
        ? { title: report.spec.compliance.title }
        : {}),
      pass: report.status?.summary?.passCount ?? 0,
      fail: report.status?.summary?.failCount ?? 0,
    });
    return;
  }
  const target = targetOf(report);
  const container = report.metadata.labels?.['trivy-operator.container.name'];
  const namespace = target?.namespace;
  const base = {
    cluster,
    ...(namespace ? { namespace } : {}),
    ...(target ? { target } : {}),
  };

  switch (report.kind) {
    case 'VulnerabilityReport': {
      if (target) parsed.scanned.push(target);
      const artifact = report.report?.artifact;
      const image = artifact?.repository
        ? `${artifact.repository}${artifact.tag ? `:${artifact.tag}` : ''}`
        : undefined;
      for (const vulnerability of report.report?.vulnerabilities ?? []) {
        parsed.findings.push({
          ...base,
          source: 'vulnerability',
          severity: trivySeverity(vulnerability.severity),
          checkId: vulnerability.vulnerabilityID,
          title: vulnerability.title ?? vulnerability.vulnerabilityID,
          ...(image ? { message: `in ${image}` } : {}),
          ...(container ? { container } : {}),
          ...(vulnerability.resource
            ? { resource: vulnerability.resource }
            : {}),
          ...(vulnerability.installedVersion
            ? { installedVersion: vulnerability.installedVersion }
            : {}),
          ...(vulnerability.fixedVersion
            ? { fixedVersion: vulnerability.fixedVersion }
            : {}),
          ...(vulnerability.primaryLink
            ? { link: vulnerability.primaryLink }
            : {}),
        });
      }
      return;
    }
    case 'ExposedSecretReport': {
      if (target) parsed.scanned.push(target);
      // The matched text is the secret itself: it is never copied.
      for (const secret of report.report?.secrets ?? []) {
        parsed.findings.push({
          ...base,
          source: 'exposed-secret',
          severity: trivySeverity(secret.severity),
          checkId: secret.ruleID,
          title: secret.title ?? secret.ruleID,
          ...(secret.category ? { category: secret.category } : {}),
          ...(secret.target ? { message: `in ${secret.target}` } : {}),
          ...(container ? { container } : {}),
        });
      }
      return;
    }
    case 'ConfigAuditReport':
    case 'RbacAssessmentReport':
    case 'ClusterRbacAssessmentReport': {
      const source: FindingSource =
        report.kind === 'ConfigAuditReport'
          ? 'config-audit'
          : 'rbac-assessment';
      const tally = {
        target: target ?? { kind: report.kind, name: report.metadata.name },
        successes: 0,
        warnings: 0,
        dangers: 0,
      };
      for (const check of report.report?.checks ?? []) {
        if (check.success) {
          tally.successes++;
          continue;
        }
        const severity = trivySeverity(check.severity);
        if (isDanger(severity)) tally.dangers++;
        else tally.warnings++;
        parsed.findings.push({
          ...base,
          source,
          severity,
          checkId: check.checkID,
          title: check.title ?? check.checkID,
          ...(check.category ? { category: check.category } : {}),
          ...(check.messages?.length
            ? { message: check.messages.join('; ') }
            : {}),
        });
      }
      parsed.checks.push(tally);
      return;
    }
    default:
  }
}
