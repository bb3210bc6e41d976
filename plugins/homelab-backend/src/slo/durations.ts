const UNITS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
};

/** Seconds in a Prometheus-style duration like "30d", "4w" or "1h30m"; undefined if it is not one. */
export function parseDuration(text: string): number | undefined {
  const parts = [...text.trim().matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map(p => p[0]).join('') !== text.trim())
    return undefined;
  return parts.reduce(
    (sum, [, amount, unit]) => sum + Number(amount) * UNITS[unit],
    0,
  );
}

/**
 * A number of seconds as Prometheus writes a duration (model.Duration):
 * weeks only when whole ("4w", but "30d" rather than "4w2d"), then days,
 * hours, minutes and seconds, like "1h30m" or "1m30s".
 */
export function formatDuration(seconds: number): string {
  if (seconds % UNITS.w === 0) return `${seconds / UNITS.w}w`;
  let rest = seconds;
  let text = '';
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const amount = Math.floor(rest / UNITS[unit]);
    if (amount > 0) {
      text += `${amount}${unit}`;
      rest -= amount * UNITS[unit];
    }
  }
  return text || '0s';
}
