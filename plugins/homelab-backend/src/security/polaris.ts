import { FindingSeverity } from '@homelab/plugin-homelab-common';
import { configurationScore } from './postureScore';
import {
  CheckCounts,
  compareWithSummary,
  countSeverity,
  emptySeverities,
  ParsedReport,
  ReportRef,
  reportName,
  statedCount,
} from './reports';

interface PolarisCheck {
  ID?: string;
  Message?: string;
  Success?: boolean;
  Severity?: string;
  Category?: string;
}

type PolarisResultSet = Record<string, PolarisCheck> | null;

/** The audit JSON of Polaris (its dashboard's results.json, or `polaris audit --format json`). */
export interface PolarisAudit {
  PolarisOutputVersion?: string;
  AuditTime?: string;
  DisplayName?: string;
  Results?: Array<{
    Name: string;
    Namespace?: string;
    Kind: string;
    Results?: PolarisResultSet;
    PodResult?: {
      Results?: PolarisResultSet;
      ContainerResults?: Array<{
        Name: string;
        Results?: PolarisResultSet;
      }> | null;
    } | null;
  }> | null;
  /** Polaris's own score of the audit. */
  Score?: number;
}

const FINDING_SEVERITIES: Record<string, FindingSeverity> = {
  danger: 'high',
  warning: 'medium',
};

/** Polaris's own score of checks: 100 when nothing was checked, where this plugin says "not measured". */
function polarisScore(checks: CheckCounts): number {
  return configurationScore(checks) ?? 100;
}

/**
 * Reads a Polaris audit: a finding for every failed check of warning or
 * danger severity, and every check counted as Polaris counts it for its
 * score (a failure that is not a warning weighs as a danger). Where the
 * audit's own Score differs from the score of the checks it lists, the
 * disagreement is flagged.
 */
export function parsePolarisAudit(
  audit: PolarisAudit,
  cluster: string,
  ref: ReportRef,
): ParsedReport {
  const parsed: ParsedReport = {
    ref,
    tallies: [],
    findings: [],
    warnings: [],
  };
  const total = { successes: 0, warnings: 0, dangers: 0 };
  let unknownSeverities = 0;
  for (const result of audit.Results ?? []) {
    const namespace = result.Namespace || undefined;
    const target = {
      kind: result.Kind,
      name: result.Name,
      ...(namespace ? { namespace } : {}),
    };
    const misconfigurations = emptySeverities();
    const counts = { successes: 0, warnings: 0, dangers: 0 };
    const levels: Array<[string, PolarisResultSet | undefined, string?]> = [
      ['controller', result.Results],
      ['pod', result.PodResult?.Results],
      ...(result.PodResult?.ContainerResults ?? []).map(
        c =>
          ['container', c.Results, c.Name] as [
            string,
            PolarisResultSet,
            string,
          ],
      ),
    ];
    for (const [level, checks, container] of levels) {
      for (const [key, check] of Object.entries(checks ?? {})) {
        if (check.Success === true) {
          counts.successes++;
          continue;
        }
        if (check.Severity === 'warning') counts.warnings++;
        else counts.dangers++;
        if (check.Severity === 'ignore') continue;
        let severity = FINDING_SEVERITIES[check.Severity ?? ''];
        if (!severity) {
          unknownSeverities++;
          severity = 'unknown';
        }
        countSeverity(misconfigurations, severity);
        const id = check.ID || key;
        parsed.findings.push({
          cluster,
          ...(namespace ? { namespace } : {}),
          target,
          source: 'polaris',
          severity,
          checkId: id,
          title: check.Message || id,
          ...(check.Category ? { category: check.Category } : {}),
          ...(container ? { container } : {}),
          distinguishing: level,
        });
      }
    }
    total.successes += counts.successes;
    total.warnings += counts.warnings;
    total.dangers += counts.dangers;
    parsed.tallies.push({
      target,
      counts: { misconfigurations, checks: counts },
    });
  }
  if (unknownSeverities) {
    parsed.warnings.push(
      `${reportName(
        ref,
      )}: ${unknownSeverities} failed check(s) without the severity warning or danger, counted as unknown`,
    );
  }
  const stated = statedCount(audit.Score);
  if (stated === undefined) return parsed;
  const discrepancy = compareWithSummary(
    ref,
    { score: stated },
    { score: polarisScore(total) },
  );
  if (!discrepancy) return parsed;
  parsed.discrepancy = discrepancy;
  const passed =
    total.successes === 0 ? passedChecks(stated, total) : undefined;
  if (passed !== undefined) {
    // Run with --only-show-failed-tests: its Score counted the passed
    // checks it does not list. The cluster gets them, so that its score is
    // Polaris's; the controllers, whose passes are unknown, get none.
    for (const tally of parsed.tallies) delete tally.counts.checks;
    parsed.tallies.push({
      counts: { checks: { ...total, successes: passed } },
    });
    parsed.warnings.push(
      `${reportName(
        ref,
      )} lists only failed checks (polaris audit --only-show-failed-tests): the ${passed} passed checks its Score of ${stated} counts are taken from it`,
    );
  }
  return parsed;
}

/**
 * How many checks passed, for an audit that lists only its failures: the
 * fewest passes that give its Score with Polaris's formula; undefined when
 * no number of passes does.
 */
function passedChecks(score: number, failed: CheckCounts): number | undefined {
  if (score >= 100) return undefined;
  const weight = failed.warnings + 2 * failed.dangers;
  const passed = Math.ceil((score * weight) / (200 - 2 * score));
  return polarisScore({ ...failed, successes: passed }) === score
    ? passed
    : undefined;
}
