/**
 * How often a backup schedule runs: the longest gap between two runs, in
 * minutes (0 for "continuous"), or why the schedule cannot be read. Reads
 * five-field cron (minute hour day-of-month month day-of-week, with *, lists,
 * ranges, steps and month and day names), the `@hourly`, `@daily`,
 * `@weekly`, `@monthly` and `@yearly` shorthands, and `@every <duration>` as
 * Velero and robfig/cron take it.
 *
 * @public
 */
export type ScheduleGap = { minutes: number } | { problem: string };

const SHORTHANDS: Record<string, string> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

/** Maps, so that no name of an object's own properties ("constructor") is a month or a day. */
const NAMES = {
  month: new Map(
    'jan feb mar apr may jun jul aug sep oct nov dec'
      .split(' ')
      .map((name, i) => [name, i + 1]),
  ),
  dow: new Map(
    'sun mon tue wed thu fri sat'.split(' ').map((name, i) => [name, i]),
  ),
};

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: NAMES.month },
  { name: 'day of week', min: 0, max: 7, names: NAMES.dow },
];

const UNIT_MINUTES: Record<string, number> = {
  s: 1 / 60,
  m: 1,
  h: 60,
  d: 1440,
  w: 10080,
};

/**
 * The minutes of a duration like "6h" or "1h30m", or undefined.
 *
 * @public
 */
export function durationMinutes(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)];
  if (!parts.length || parts.map(p => p[0]).join('') !== text) return undefined;
  return parts.reduce(
    (sum, [, n, unit]) => sum + Number(n) * UNIT_MINUTES[unit],
    0,
  );
}

/** The values one cron field allows, or a problem. */
function fieldValues(
  text: string,
  field: (typeof FIELDS)[number],
): Set<number> | string {
  const values = new Set<number>();
  const value = (word: string) =>
    field.names?.get(word.toLowerCase()) ??
    (/^\d+$/.test(word) ? Number(word) : NaN);
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    const bounds = range.split('-');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = field.min;
    let to = field.max;
    if (range !== '*') {
      from = value(bounds[0]);
      // "5/15" runs from 5 to the end of the field, every 15.
      if (bounds.length === 2) to = value(bounds[1]);
      else if (stepText === undefined) to = from;
    }
    if (
      extra !== undefined ||
      bounds.length > 2 ||
      !Number.isInteger(step) ||
      step < 1 ||
      [from, to].some(n => Number.isNaN(n) || n < field.min || n > field.max) ||
      from > to
    ) {
      return `"${part}" is not a valid ${field.name} (${field.min}-${field.max})`;
    }
    for (let n = from; n <= to; n += step) values.add(n);
  }
  // Sunday is 0 and 7.
  if (field.max === 7 && values.has(7)) values.add(0);
  return values;
}

/** The longest gap, in minutes, between runs of a five-field cron expression. */
function cronGap(expression: string): ScheduleGap {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) {
    return {
      problem: `"${expression}" is not a schedule: expected five cron fields (minute hour day month weekday), @daily and the like, "@every 6h" or "continuous"`,
    };
  }
  const sets: Array<Set<number>> = [];
  for (const [index, part] of parts.entries()) {
    const values = fieldValues(part, FIELDS[index]);
    if (typeof values === 'string') return { problem: values };
    sets.push(values);
  }
  const [minutes, hours, days, months, weekdays] = sets;
  const dayRestricted = parts[2] !== '*';
  const weekdayRestricted = parts[4] !== '*';
  // A week repeats itself. Otherwise eight years from 2023 hold every month
  // length, two February 29ths and the year ends between them: the longest
  // gap between two runs in them, without wrapping around (a schedule with
  // no year field that runs at all runs at least once in every four years).
  const weekly = !dayRestricted && parts[3] === '*';
  const spanDays = weekly ? 7 : 8 * 365 + 2;
  const start = Date.UTC(2023, 0, 1); // a Sunday
  const times: number[] = [];
  for (let minute = 0; minute < 1440; minute++) {
    if (hours.has(Math.floor(minute / 60)) && minutes.has(minute % 60))
      times.push(minute);
  }
  const runs: number[] = [];
  for (let day = 0; day < spanDays; day++) {
    const date = new Date(start + day * 86_400_000);
    if (!months.has(date.getUTCMonth() + 1)) continue;
    const dayMatch = days.has(date.getUTCDate());
    const weekdayMatch = weekdays.has(date.getUTCDay());
    // Vixie cron: with both restricted, either day field matching is enough.
    const matches =
      dayRestricted && weekdayRestricted
        ? dayMatch || weekdayMatch
        : dayMatch && weekdayMatch;
    if (matches) for (const time of times) runs.push(day * 1440 + time);
  }
  if (!runs.length) return { problem: `"${expression}" never runs` };
  let gap = weekly ? spanDays * 1440 - runs[runs.length - 1] + runs[0] : 0;
  for (let i = 1; i < runs.length; i++)
    gap = Math.max(gap, runs[i] - runs[i - 1]);
  return { minutes: gap };
}

/**
 * The longest gap between runs of a backup schedule.
 *
 * @public
 */
export function scheduleGap(schedule: string): ScheduleGap {
  const text = schedule.trim();
  if (text === 'continuous') return { minutes: 0 };
  const every = /^@every\s+(\S+)$/.exec(text);
  if (every) {
    const minutes = durationMinutes(every[1]);
    return minutes
      ? { minutes }
      : { problem: `"${every[1]}" is not a duration like "6h"` };
  }
  return cronGap(SHORTHANDS[text] ?? text);
}
