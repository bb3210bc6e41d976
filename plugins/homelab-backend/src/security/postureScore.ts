import { PolicyCounts, SeverityCounts } from '@homelab/plugin-homelab-common';
import { CheckCounts } from './reports';

/*
 * Posture scores, 0 to 100, documented in docs/posture-score.md. Each part is
 * null when nothing measured it, so a scope without reports is unknown, never
 * perfect.
 */

/** Points a workload loses per unique vulnerability of each severity, and per exposed secret. */
const VULNERABILITY_PENALTIES = {
  critical: 25,
  high: 10,
  medium: 3,
  low: 1,
  unknown: 0,
  secret: 25,
};

/** A scanned workload's vulnerability score. */
export function workloadVulnerabilityScore(
  counts: SeverityCounts,
  exposedSecrets: number,
): number {
  const penalty =
    VULNERABILITY_PENALTIES.critical * counts.critical +
    VULNERABILITY_PENALTIES.high * counts.high +
    VULNERABILITY_PENALTIES.medium * counts.medium +
    VULNERABILITY_PENALTIES.low * counts.low +
    VULNERABILITY_PENALTIES.secret * exposedSecrets;
  return Math.max(0, 100 - penalty);
}

/**
 * Polaris's score over configuration checks: floor(2S / (2S + W + 2D) x 100)
 * for S passed checks, W failed warnings and D failed dangers, computed in
 * Polaris's order so that it is Polaris's number.
 */
export function configurationScore(checks: CheckCounts): number | null {
  const weight = 2 * checks.successes + checks.warnings + 2 * checks.dangers;
  return weight === 0
    ? null
    : Math.floor(((2 * checks.successes) / weight) * 100);
}

/** The share of policy results that passed; skipped and unknown results do not count. */
export function policyScore(counts: PolicyCounts): number | null {
  const counted = counts.pass + counts.fail + counts.warn + counts.error;
  return counted === 0 ? null : Math.round((100 * counts.pass) / counted);
}

/** The mean of the parts that exist, or null when none does. */
export function overallScore(parts: Array<number | null>): number | null {
  const present = parts.filter((part): part is number => part !== null);
  return present.length === 0
    ? null
    : Math.round(present.reduce((sum, part) => sum + part, 0) / present.length);
}
