/**
 * Whether something fits: fits; above-target: it fits, past the inventory's
 * target or by overcommitting; does-not-fit; unknown: a figure it needs is
 * not known, so fitting is not claimed.
 *
 * @public
 */
export type FitState = 'fits' | 'above-target' | 'does-not-fit' | 'unknown';

/**
 * One question of a fit, like "does slot 4 hold a module" or "does the
 * memory fit", answered with its reason in words.
 *
 * @public
 */
export interface FitCheck {
  /** What was checked, like "Slot" or "Memory". */
  what: string;
  /** Its answer. */
  state: FitState;
  /** Why, with the figures it compared. */
  reason: string;
}

/**
 * A fit: its checks, and the worst of their answers.
 *
 * @public
 */
export interface FitVerdict {
  /** The worst answer of the checks. */
  state: FitState;
  /** Every question asked. */
  checks: FitCheck[];
}

// Worst first: not fitting outweighs passing a target, and both outweigh
// not knowing, which still never reads as fitting.
const SEVERITY: Record<FitState, number> = {
  'does-not-fit': 3,
  'above-target': 2,
  unknown: 1,
  fits: 0,
};

/**
 * The verdict of these checks: the worst answer among them.
 *
 * @public
 */
export function fitVerdict(checks: FitCheck[]): FitVerdict {
  const state = checks.reduce<FitState>(
    (worst, check) =>
      SEVERITY[check.state] > SEVERITY[worst] ? check.state : worst,
    checks.length ? 'fits' : 'unknown',
  );
  return { state, checks };
}
