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

/** The shortest Prometheus duration for a number of seconds, like "1d" or "6h". */
export function formatDuration(seconds: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    if (seconds % UNITS[unit] === 0) return `${seconds / UNITS[unit]}${unit}`;
  }
  return `${seconds}s`;
}
