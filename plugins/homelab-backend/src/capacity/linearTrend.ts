import { CapacityTrend } from '@homelab/plugin-homelab-common';

const DAY_SECONDS = 24 * 3600;
/** A line through fewer days than this says little about where use is heading. */
const MIN_TREND_DAYS = 3;

/**
 * The least-squares line through use over time ([unix seconds, value],
 * oldest first), and when it reaches `limit`: its value at `now` at or
 * above the limit is full, a line that does not climb is steady.
 */
export function linearTrend(
  points: Array<[number, number]>,
  limit: number | undefined,
  now: Date,
): CapacityTrend {
  if (!points.length) return { state: 'not-measured' };
  const days = (points[points.length - 1][0] - points[0][0]) / DAY_SECONDS;
  if (days < MIN_TREND_DAYS) return { state: 'not-enough-history', days };
  const n = points.length;
  const meanT = points.reduce((sum, [t]) => sum + t, 0) / n;
  const meanV = points.reduce((sum, [, v]) => sum + v, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const [t, v] of points) {
    covariance += (t - meanT) * (v - meanV);
    variance += (t - meanT) ** 2;
  }
  const slope = covariance / variance;
  const nowSeconds = now.getTime() / 1000;
  const atNow = meanV + slope * (nowSeconds - meanT);
  const line = {
    days,
    perDay: slope * DAY_SECONDS,
    ...(limit !== undefined ? { limit } : {}),
  };
  if (limit !== undefined && atNow >= limit) return { state: 'full', ...line };
  if (!(slope > 0)) return { state: 'steady', ...line };
  if (limit === undefined) return { state: 'rising', ...line };
  const fullAt = new Date((nowSeconds + (limit - atNow) / slope) * 1000);
  return { state: 'rising', ...line, fullAt: fullAt.toISOString() };
}
