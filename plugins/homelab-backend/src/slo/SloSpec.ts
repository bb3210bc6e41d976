import { SloDefinition } from '@homelab/plugin-homelab-common';
import { createHash } from 'node:crypto';

/** The placeholder error-ratio expressions use for their window, as Sloth writes it. */
export const WINDOW_PLACEHOLDER = '{{.window}}';

/** The placeholder of a window's length in seconds, in events queries. */
export const WINDOW_SECONDS_PLACEHOLDER = '{{.windowSeconds}}';

/** An SLO that was found but cannot be evaluated, and why. */
export interface SloProblem {
  origin: string;
  name: string;
  message: string;
}

export function sloId(
  source: SloDefinition['source'],
  origin: string,
  name: string,
): string {
  return createHash('sha1')
    .update(`${source}|${origin}|${name}`)
    .digest('hex')
    .slice(0, 16);
}

/** An error ratio from counters of bad (or good) and all events: sum(rate(bad)) / sum(rate(total)). */
export function counterErrorRatio(counters: {
  bad?: string;
  good?: string;
  total: string;
}): string {
  const rate = (selector: string) =>
    `sum(rate(${selector}[${WINDOW_PLACEHOLDER}]))`;
  return counters.bad
    ? `(${rate(counters.bad)} / ${rate(counters.total)})`
    : `(1 - ${rate(counters.good!)} / ${rate(counters.total)})`;
}

/** An error ratio from expressions that already contain {{.window}}: sum(errors) / sum(total). */
export function eventsErrorRatio(
  errorQuery: string,
  totalQuery: string,
): string {
  return `(sum(${errorQuery}) / sum(${totalQuery}))`;
}

/** The events in a window, from a counter of all events: sum(increase(total[window])). */
export function counterEvents(total: string): string {
  return `sum(increase(${total}[${WINDOW_PLACEHOLDER}]))`;
}

/**
 * The events in a window, from a rate of all events that already contains
 * {{.window}} (a Sloth events SLI): sum(total) x the window's seconds.
 */
export function rateEvents(totalQuery: string): string {
  return `(sum(${totalQuery}) * ${WINDOW_SECONDS_PLACEHOLDER})`;
}

/**
 * A percentage as a ratio without binary noise: 99.9 becomes 0.999, not
 * 0.9990000000000001, so budgets computed from it are exact to display.
 */
export function percentToRatio(percent: number): number {
  return Math.round(percent * 1e6) / 1e8;
}
