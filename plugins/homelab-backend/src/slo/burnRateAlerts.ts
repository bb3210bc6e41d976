/**
 * The multi-window, multi-burn-rate alerts of the Google SRE workbook, as
 * Sloth applies them to a 30-day SLO: each spends a share of the period's
 * error budget within its long window, and fires when both the long and the
 * short window burn faster than the threshold.
 */
const BURN_RATE_ALERTS = [
  {
    severity: 'page',
    longWindow: 3600,
    shortWindow: 300,
    budgetFraction: 0.02,
  },
  {
    severity: 'page',
    longWindow: 21600,
    shortWindow: 1800,
    budgetFraction: 0.05,
  },
  {
    severity: 'ticket',
    longWindow: 86400,
    shortWindow: 7200,
    budgetFraction: 0.1,
  },
  {
    severity: 'ticket',
    longWindow: 259200,
    shortWindow: 21600,
    budgetFraction: 0.1,
  },
] as const;

/** One multi-window alert of an SLO, its windows in seconds. */
interface AlertWindows {
  severity: 'page' | 'ticket';
  longWindow: number;
  shortWindow: number;
  /** Share of the period's budget spent in the long window at the threshold. */
  budgetFraction: number;
  /** Burn rate both windows must exceed. */
  threshold: number;
}

/** Go's Duration.Round(time.Minute): to the nearest minute, halves away from zero. */
const roundToMinute = (seconds: number) => Math.round(seconds / 60) * 60;

/**
 * Pyrra's alerts (slo/rules.go, Windows): the SRE workbook's windows for 28
 * days, scaled to the objective's window and rounded to the minute, with
 * fixed factors 14, 7, 2 and 1 (not Sloth's 14.4, 6, 3 and 1), and a 4-day
 * (not 3-day) longest window. critical alerts page, warning ones ticket.
 */
function pyrraAlerts(periodSeconds: number): AlertWindows[] {
  const windows = [
    { severity: 'page', long: 28 * 24, short: 28 * 24 * 12, factor: 14 },
    { severity: 'page', long: 28 * 4, short: 28 * 24 * 2, factor: 7 },
    { severity: 'ticket', long: 28, short: 28 * 12, factor: 2 },
    { severity: 'ticket', long: 7, short: 28 * 4, factor: 1 },
  ] as const;
  return windows.map(w => {
    const longWindow = roundToMinute(periodSeconds / w.long);
    return {
      severity: w.severity,
      longWindow,
      shortWindow: roundToMinute(periodSeconds / w.short),
      budgetFraction: (w.factor * longWindow) / periodSeconds,
      threshold: w.factor,
    };
  });
}

/**
 * The alerts of an SLO as the tool it comes from defines them: Pyrra's for
 * Pyrra's objectives, Sloth's (the SRE workbook's) for the others.
 */
export function alertWindowsOf(slo: {
  source: string;
  periodSeconds: number;
}): AlertWindows[] {
  if (slo.source === 'pyrra') return pyrraAlerts(slo.periodSeconds);
  return BURN_RATE_ALERTS.map(alert => ({
    ...alert,
    threshold: burnRateThreshold(
      alert.budgetFraction,
      slo.periodSeconds,
      alert.longWindow,
    ),
  }));
}

/**
 * The burn rate at which a window spends `budgetFraction` of a period's
 * budget: f x period / window (14.4 for 2% in 1 hour of 30 days).
 */
function burnRateThreshold(
  budgetFraction: number,
  periodSeconds: number,
  longWindowSeconds: number,
): number {
  return (budgetFraction * periodSeconds) / longWindowSeconds;
}

/** How many times faster than sustainable the budget burns: error ratio / (1 - objective). */
export function burnRate(
  errorRatio: number | null,
  objective: number,
): number | null {
  return errorRatio === null ? null : errorRatio / (1 - objective);
}

/** The share of the period's error budget left: 1 - error ratio / (1 - objective). */
export function errorBudgetRemaining(
  errorRatio: number | null,
  objective: number,
): number | null {
  return errorRatio === null ? null : 1 - errorRatio / (1 - objective);
}
