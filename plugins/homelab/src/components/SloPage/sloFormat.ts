import { SloStatus } from '@homelab/plugin-homelab-common';

/** 0.999 -> "99.9%". */
export const percent = (ratio: number | null | undefined, digits = 2) =>
  ratio === null || ratio === undefined
    ? '—'
    : `${Number((ratio * 100).toFixed(digits))}%`;

/** 2592000 -> "30d", 3600 -> "1h". */
export function windowText(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${Math.round(seconds / 60)}m`;
}

/** A burn rate: "2.4×", or a dash without data. */
export const burnRate = (rate: number | null) =>
  rate === null ? '—' : `${Number(rate.toFixed(2))}×`;

/** What each state means, in words, for the state column and the detail. */
export const STATE_TEXT: Record<SloStatus['state'], string> = {
  ok: 'Within objective',
  warning: 'Ticket alert firing',
  breaching: 'Breaching',
  'no-data': 'No data',
  'not-enough-data': 'Not enough data',
  stale: 'Stale',
  error: 'Never evaluated',
};

export const STATE_STATUS: Record<
  SloStatus['state'],
  'ok' | 'warning' | 'error' | 'unknown'
> = {
  ok: 'ok',
  warning: 'warning',
  breaching: 'error',
  'no-data': 'unknown',
  'not-enough-data': 'unknown',
  stale: 'unknown',
  error: 'error',
};
