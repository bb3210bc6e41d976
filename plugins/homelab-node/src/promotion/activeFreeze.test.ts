import { activeFreeze, describeFreeze } from './activeFreeze';
import { FreezeWindow } from './gateSettings';

const weekly = (
  days: NonNullable<FreezeWindow['weekly']>['days'],
  from: string,
  to: string,
  timeZone = 'UTC',
): FreezeWindow => ({
  environment: 'production',
  reason: 'weekly',
  weekly: { days, from, to, timeZone },
});

const range: FreezeWindow = {
  environment: 'production',
  reason: 'end of year',
  from: '2026-12-20T00:00:00Z',
  to: '2027-01-04T00:00:00Z',
};

/** Whether the freezes stop a promotion to production at an instant. */
const frozenAt = (freezes: FreezeWindow[], instant: string) =>
  activeFreeze(freezes, 'production', new Date(instant)) !== undefined;

// 2026-12-04 is a Friday.
describe('activeFreeze', () => {
  it('holds a date range from its start, included, to its end, excluded', () => {
    expect(frozenAt([range], '2026-12-19T23:59:59Z')).toBe(false);
    expect(frozenAt([range], '2026-12-20T00:00:00Z')).toBe(true);
    expect(frozenAt([range], '2027-01-03T23:59:59Z')).toBe(true);
    expect(frozenAt([range], '2027-01-04T00:00:00Z')).toBe(false);
  });

  it("freezes only its own environment, and answers with that environment's window", () => {
    const staging = { ...range, environment: 'staging', reason: 'staging' };
    const at = new Date('2026-12-24T12:00:00Z');
    expect(activeFreeze([staging], 'production', at)).toBeUndefined();
    expect(activeFreeze([staging, range], 'production', at)).toBe(range);
    expect(activeFreeze([staging, range], 'staging', at)).toBe(staging);
  });

  it('holds a weekly window on its days, from its start to its end, to the minute', () => {
    const fridays = [weekly(['fri'], '16:30', '18:15')];
    expect(frozenAt(fridays, '2026-12-04T16:29:00Z')).toBe(false);
    expect(frozenAt(fridays, '2026-12-04T16:30:00Z')).toBe(true);
    expect(frozenAt(fridays, '2026-12-04T18:14:00Z')).toBe(true);
    expect(frozenAt(fridays, '2026-12-04T18:15:00Z')).toBe(false);
    // The same hours of a Thursday and a Saturday.
    expect(frozenAt(fridays, '2026-12-03T17:00:00Z')).toBe(false);
    expect(frozenAt(fridays, '2026-12-05T17:00:00Z')).toBe(false);
  });

  it("reads a weekly window in its time zone's local time", () => {
    // 15:00Z is 16:00 in Stockholm (CET, UTC+1 in December).
    const stockholm = [weekly(['fri'], '16:00', '17:00', 'Europe/Stockholm')];
    expect(frozenAt(stockholm, '2026-12-04T15:00:00Z')).toBe(true);
    expect(frozenAt(stockholm, '2026-12-04T16:00:00Z')).toBe(false);
    // 23:30Z on Friday is already Saturday in Stockholm.
    const saturdays = [weekly(['sat'], '00:00', '01:00', 'Europe/Stockholm')];
    expect(frozenAt(saturdays, '2026-12-04T23:30:00Z')).toBe(true);
  });

  it('runs a window whose end is before its start overnight, into the next day of every weekday', () => {
    const dates = {
      sun: '2026-11-29',
      mon: '2026-11-30',
      tue: '2026-12-01',
      wed: '2026-12-02',
      thu: '2026-12-03',
      fri: '2026-12-04',
      sat: '2026-12-05',
    };
    const next = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
    for (const [day, date] of Object.entries(dates)) {
      const nights = [weekly([day as any], '22:00', '06:00')];
      expect({
        day,
        at: '21:59',
        frozen: frozenAt(nights, `${date}T21:59Z`),
      }).toEqual({ day, at: '21:59', frozen: false });
      expect({
        day,
        at: '22:00',
        frozen: frozenAt(nights, `${date}T22:00Z`),
      }).toEqual({ day, at: '22:00', frozen: true });
      const after = next(date);
      expect({
        day,
        at: 'next 05:59',
        frozen: frozenAt(nights, `${after}T05:59Z`),
      }).toEqual({ day, at: 'next 05:59', frozen: true });
      expect({
        day,
        at: 'next 06:00',
        frozen: frozenAt(nights, `${after}T06:00Z`),
      }).toEqual({ day, at: 'next 06:00', frozen: false });
      // The early hours of the window's own day belong to the night before.
      expect({
        day,
        at: 'own 05:00',
        frozen: frozenAt(nights, `${date}T05:00Z`),
      }).toEqual({ day, at: 'own 05:00', frozen: false });
    }
  });

  it('never holds a weekly window that ends when it starts', () => {
    const empty = [weekly(['fri', 'sat'], '10:00', '10:00')];
    for (const at of ['09:59', '10:00', '10:01', '23:00']) {
      expect(frozenAt(empty, `2026-12-04T${at}Z`)).toBe(false);
    }
    expect(frozenAt(empty, '2026-12-05T05:00Z')).toBe(false);
  });
});

describe('describeFreeze', () => {
  it('says when a window holds', () => {
    expect(
      describeFreeze(weekly(['fri', 'sat'], '16:00', '23:59', 'Europe/Oslo')),
    ).toBe('fri, sat 16:00–23:59 Europe/Oslo');
    expect(describeFreeze(range)).toBe(
      '2026-12-20T00:00:00Z – 2027-01-04T00:00:00Z',
    );
  });
});
