import { FindingSeverity } from '@homelab/plugin-homelab-common';
import { ParsedReports } from './reports';

interface PolarisCheck {
  ID: string;
  Message?: string;
  Success: boolean;
  Severity: 'ignore' | 'warning' | 'danger';
  Category?: string;
}

/** The audit JSON of Polaris (its dashboard's results.json, or `polaris audit --format json`). */
export interface PolarisAudit {
  PolarisOutputVersion?: string;
  AuditTime?: string;
  Results?: Array<{
    Name: string;
    Namespace?: string;
    Kind: string;
    Results?: Record<string, PolarisCheck>;
    PodResult?: {
      Results?: Record<string, PolarisCheck>;
      ContainerResults?: Array<{
        Name: string;
        Results?: Record<string, PolarisCheck>;
      }>;
    };
  }>;
  Score?: number;
}

const POLARIS_SEVERITIES: Record<
  PolarisCheck['Severity'],
  FindingSeverity | undefined
> = {
  danger: 'high',
  warning: 'medium',
  ignore: undefined,
};

/**
 * Adds a Polaris audit: every failed check of warning or danger severity is a
 * finding, and all checks count towards the configuration score (ignored
 * checks do not count, as in Polaris's own score).
 */
export function addPolarisAudit(
  parsed: ParsedReports,
  audit: PolarisAudit,
  cluster: string,
) {
  for (const result of audit.Results ?? []) {
    const target = {
      kind: result.Kind,
      name: result.Name,
      ...(result.Namespace ? { namespace: result.Namespace } : {}),
    };
    const tally = { target, successes: 0, warnings: 0, dangers: 0 };
    const levels: Array<{
      checks?: Record<string, PolarisCheck>;
      container?: string;
    }> = [
      { checks: result.Results },
      { checks: result.PodResult?.Results },
      ...(result.PodResult?.ContainerResults ?? []).map(c => ({
        checks: c.Results,
        container: c.Name,
      })),
    ];
    for (const { checks, container } of levels) {
      for (const check of Object.values(checks ?? {})) {
        const severity = POLARIS_SEVERITIES[check.Severity];
        if (!severity) continue;
        if (check.Success) {
          tally.successes++;
          continue;
        }
        if (check.Severity === 'danger') tally.dangers++;
        else tally.warnings++;
        parsed.findings.push({
          cluster,
          ...(result.Namespace ? { namespace: result.Namespace } : {}),
          target,
          source: 'polaris',
          severity,
          checkId: check.ID,
          title: check.Message ?? check.ID,
          ...(check.Category ? { category: check.Category } : {}),
          ...(container ? { container } : {}),
        });
      }
    }
    parsed.checks.push(tally);
  }
}
