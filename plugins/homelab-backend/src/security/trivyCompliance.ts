import { compareWithSummary, ParsedReport, statedCount } from './reports';

/** The status Trivy Operator writes on a ClusterComplianceReport. */
export interface TrivyComplianceStatus {
  summary?: { passCount?: unknown; failCount?: unknown };
  /** reportType: summary. */
  summaryReport?: {
    controlCheck?: Array<{ id?: string; totalFail?: unknown }>;
  };
  /** reportType: all. */
  detailReport?: {
    results?: Array<{ id?: string; checks?: Array<{ success?: boolean }> }>;
  };
}

/** Passed and failed controls as the report lists them, when it lists them. */
function listedControls(
  status: TrivyComplianceStatus | undefined,
): { pass: number; fail: number } | undefined {
  const controls = status?.summaryReport?.controlCheck;
  if (controls) {
    const fail = controls.filter(c => (statedCount(c.totalFail) ?? 0) > 0);
    return { pass: controls.length - fail.length, fail: fail.length };
  }
  const results = status?.detailReport?.results;
  if (results) {
    const fail = results.filter(r => r.checks?.some(c => c.success === false));
    return { pass: results.length - fail.length, fail: fail.length };
  }
  return undefined;
}

/**
 * A ClusterComplianceReport: the passed and failed controls its summary
 * states, compared with the controls it lists.
 */
export function parseTrivyCompliance(
  report: {
    metadata: { name: string };
    spec?: { compliance?: { title?: string } };
    status?: TrivyComplianceStatus;
  },
  parsed: ParsedReport,
): ParsedReport {
  const pass = statedCount(report.status?.summary?.passCount);
  const fail = statedCount(report.status?.summary?.failCount);
  const listed = listedControls(report.status);
  if (pass === undefined || fail === undefined) {
    if (!listed) {
      parsed.warnings.push(
        `ClusterComplianceReport ${report.metadata.name}: no summary yet, so it is left out`,
      );
      return parsed;
    }
    parsed.warnings.push(
      `ClusterComplianceReport ${report.metadata.name}: no summary, so its listed controls are counted`,
    );
  }
  const counted =
    pass !== undefined && fail !== undefined ? { pass, fail } : listed!;
  parsed.compliance = {
    name: report.metadata.name,
    ...(report.spec?.compliance?.title
      ? { title: report.spec.compliance.title }
      : {}),
    ...counted,
  };
  if (listed && pass !== undefined && fail !== undefined) {
    const discrepancy = compareWithSummary(parsed.ref, counted, listed);
    if (discrepancy) parsed.discrepancy = discrepancy;
  }
  return parsed;
}
