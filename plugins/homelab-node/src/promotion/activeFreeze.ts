import { FreezeWindow } from './gateSettings';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The weekday ("mon") and minutes since midnight of an instant in a time zone. */
function localTime(
  now: Date,
  timeZone: string,
): { day: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map(p => [p.type, p.value]),
  );
  return {
    day: String(parts.weekday).slice(0, 3).toLowerCase(),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

/**
 * The freeze window of `environment` in force at `now`, if any. A weekly
 * window whose end is before its start runs overnight into the next day
 * (fri 22:00 to 06:00 freezes Friday night until Saturday 06:00).
 *
 * @public
 */
export function activeFreeze(
  freezes: FreezeWindow[],
  environment: string,
  now: Date,
): FreezeWindow | undefined {
  return freezes.find(freeze => {
    if (freeze.environment !== environment) return false;
    if (freeze.weekly) {
      const { day, minutes } = localTime(now, freeze.weekly.timeZone);
      const start = minutesOf(freeze.weekly.from);
      const end = minutesOf(freeze.weekly.to);
      const days = freeze.weekly.days as string[];
      if (start <= end)
        return days.includes(day) && minutes >= start && minutes < end;
      const yesterday = DAYS[(DAYS.indexOf(day) + 6) % 7];
      return (
        (days.includes(day) && minutes >= start) ||
        (days.includes(yesterday) && minutes < end)
      );
    }
    const t = now.getTime();
    return t >= Date.parse(freeze.from!) && t < Date.parse(freeze.to!);
  });
}

/** "fri, sat 16:00–23:59 Europe/Stockholm" or "2026-12-20T00:00:00Z – 2027-01-02T00:00:00Z". */
export function describeFreeze(freeze: FreezeWindow): string {
  return freeze.weekly
    ? `${freeze.weekly.days.join(', ')} ${freeze.weekly.from}–${
        freeze.weekly.to
      } ${freeze.weekly.timeZone}`
    : `${freeze.from} – ${freeze.to}`;
}
