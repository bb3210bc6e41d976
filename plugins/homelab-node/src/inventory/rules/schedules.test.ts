import { durationMinutes, scheduleGap } from './schedules';

/*
 * How often a backup schedule runs, read as the inventory's backup rules
 * read it: the longest gap between two runs that the RPO check compares,
 * and, word for word, why a schedule cannot be read (the backup-schedule
 * problem an operator sees).
 */

const DAY = 1440;

describe('the longest gap between the runs of a schedule', () => {
  it.each<[string, number]>([
    ['continuous', 0],
    ['  continuous  ', 0],
    ['@hourly', 60],
    ['@daily', DAY],
    ['@midnight', DAY],
    ['@weekly', 7 * DAY],
    // The longest month of the year between two runs.
    ['@monthly', 31 * DAY],
    // Across a February 29th.
    ['@yearly', 366 * DAY],
    ['@annually', 366 * DAY],
    ['0 0 2 1 *', 366 * DAY],
    // From one leap day to the next.
    ['0 0 29 2 *', 1461 * DAY],
    // From a 15th to the next: 31 days at most, also over the year's end.
    ['0 0 15 * *', 31 * DAY],
    ['@every 30s', 0.5],
    ['@every 6h', 360],
    ['@every   1h30m', 90],
    ['@every 1.5h', 90],
    ['@every 2d', 2 * DAY],
    ['@every 1w', 7 * DAY],
    ['*/15 * * * *', 15],
    ['0,30 * * * *', 30],
    ['59 * * * *', 60],
    // Only the day of the week reads 7 as 0.
    ['7 * * * *', 60],
    ['0 7 * * *', DAY],
    // From 17:00 to 9:00 the next day.
    ['0 9-17 * * *', 16 * 60],
    // "20/2" is 20 and 22: from 22:00 to 20:00 the next day.
    ['0 20/2 * * *', 22 * 60],
    ['0 23 * * *', DAY],
    // From 9:10 to 9:00 the next day.
    ['0,10 9 * * *', DAY - 10],
    // Fields apart by more than one space.
    ['0  3\t* * *', DAY],
    ['0 0 31 * *', 61 * DAY],
    // From June 30 to June 1 of the next year.
    ['0 0 * 6 *', 337 * DAY],
    ['0 0 1 jan,JUL *', 184 * DAY],
    ['0 0 1 1-12/6 *', 184 * DAY],
    ['0 0 * * MON-FRI', 3 * DAY],
    ['0 0 * * sun', 7 * DAY],
    // Saturday to Saturday, wherever the year's last Saturday falls.
    ['0 0 * * sat', 7 * DAY],
    // Sunday is 0 and 7.
    ['0 0 * * 7', 7 * DAY],
    ['0 0 * * 6,7', 6 * DAY],
    // Both day fields restricted: either matching runs the job (Vixie cron),
    // so the Mondays bound the gap.
    ['0 0 1 * mon', 7 * DAY],
    // Only the day of the week restricted: a week is the whole pattern.
    ['0 0 * * 1,3', 5 * DAY],
  ])('%s: %d minutes', (schedule, minutes) => {
    expect(scheduleGap(schedule)).toEqual({ minutes });
  });
});

describe('why a schedule cannot be read', () => {
  it.each<[string, string]>([
    [
      'every night',
      '"every night" is not a schedule: expected five cron fields (minute hour day month weekday), @daily and the like, "@every 6h" or "continuous"',
    ],
    [
      '0 0 * *',
      '"0 0 * *" is not a schedule: expected five cron fields (minute hour day month weekday), @daily and the like, "@every 6h" or "continuous"',
    ],
    [
      '0 0 * * * *',
      '"0 0 * * * *" is not a schedule: expected five cron fields (minute hour day month weekday), @daily and the like, "@every 6h" or "continuous"',
    ],
    ['@every 6x', '"6x" is not a duration like "6h"'],
    [
      'x@every 6h',
      '"x@every 6h" is not a schedule: expected five cron fields (minute hour day month weekday), @daily and the like, "@every 6h" or "continuous"',
    ],
    ['5e1 * * * *', '"5e1" is not a valid minute (0-59)'],
    ['0 +5 * * *', '"+5" is not a valid hour (0-23)'],
    [
      '@every 6h and more',
      '"@every 6h and more" is not a schedule: expected five cron fields (minute hour day month weekday), @daily and the like, "@every 6h" or "continuous"',
    ],
    ['@every h6', '"h6" is not a duration like "6h"'],
    ['@every 6hx', '"6hx" is not a duration like "6h"'],
    ['@every 0s', '"0s" is not a duration like "6h"'],
    ['60 * * * *', '"60" is not a valid minute (0-59)'],
    ['0 24 * * *', '"24" is not a valid hour (0-23)'],
    ['0 0 0 * *', '"0" is not a valid day of month (1-31)'],
    ['0 0 32 * *', '"32" is not a valid day of month (1-31)'],
    ['0 0 1 0 *', '"0" is not a valid month (1-12)'],
    ['0 0 1 13 *', '"13" is not a valid month (1-12)'],
    ['0 0 1 june *', '"june" is not a valid month (1-12)'],
    ['0 0 1 constructor *', '"constructor" is not a valid month (1-12)'],
    ['0 0 * * __proto__', '"__proto__" is not a valid day of week (0-7)'],
    ['0 0 * * 8', '"8" is not a valid day of week (0-7)'],
    ['0 0 * * jan', '"jan" is not a valid day of week (0-7)'],
    ['*/0 * * * *', '"*/0" is not a valid minute (0-59)'],
    ['*/1.5 * * * *', '"*/1.5" is not a valid minute (0-59)'],
    ['*/-5 * * * *', '"*/-5" is not a valid minute (0-59)'],
    ['1/2/3 * * * *', '"1/2/3" is not a valid minute (0-59)'],
    ['1-2-3 * * * *', '"1-2-3" is not a valid minute (0-59)'],
    ['0 17-9 * * *', '"17-9" is not a valid hour (0-23)'],
    ['0 -1 * * *', '"-1" is not a valid hour (0-23)'],
    ['0 1,x * * *', '"x" is not a valid hour (0-23)'],
    ['0 9-x * * *', '"9-x" is not a valid hour (0-23)'],
    ['0 0 31 2 *', '"0 0 31 2 *" never runs'],
  ])('%s', (schedule, problem) => {
    expect(scheduleGap(schedule)).toEqual({ problem });
  });
});

describe('the minutes of a duration', () => {
  it.each<[string, number | undefined]>([
    ['90s', 1.5],
    ['15m', 15],
    ['1h30m', 90],
    ['1d12h', 1.5 * DAY],
    ['2w', 14 * DAY],
    ['0.5h', 30],
    ['1.25h', 75],
    ['', undefined],
    ['1h 30m', undefined],
    ['6', undefined],
    ['x6h', undefined],
    ['1.h', undefined],
  ])('%j', (text, minutes) => {
    expect(durationMinutes(text)).toBe(minutes);
  });
});
