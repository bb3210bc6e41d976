/**
 * The multi-window, multi-burn-rate alerts of the Google SRE workbook, as
 * Sloth applies them to a 30-day SLO: each spends a share of the period's
 * error budget within its long window, and fires when both the long and the
 * short window burn faster than the threshold.
 */
export const BURN_RATE_ALERTS = [
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

/** Every window the alerts read, in seconds. */
export const BURN_RATE_WINDOWS = [
  ...new Set(BURN_RATE_ALERTS.flatMap(a => [a.longWindow, a.shortWindow])),
];

/**
 * The burn rate at which a window spends `budgetFraction` of a period's
 * budget: f x period / window (14.4 for 2% in 1 hour of 30 days).
 */
export function burnRateThreshold(
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
