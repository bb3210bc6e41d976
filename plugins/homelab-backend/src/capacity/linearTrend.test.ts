import { linearTrend } from './linearTrend';

const DAY = 24 * 3600;
const now = new Date(100 * DAY * 1000);
/** Daily points over the `days` before now, of value(t in days before now). */
const history = (days: number, value: (daysAgo: number) => number) =>
  Array.from({ length: days + 1 }, (_, i): [number, number] => [
    100 * DAY - (days - i) * DAY,
    value(days - i),
  ]);

describe('linearTrend', () => {
  it('dates when a rising line reaches the limit', () => {
    // 10 now, +1 a day: 14 in 4 days.
    expect(
      linearTrend(
        history(7, ago => 10 - ago),
        14,
        now,
      ),
    ).toEqual({
      state: 'rising',
      days: 7,
      perDay: 1,
      limit: 14,
      fullAt: new Date(104 * DAY * 1000).toISOString(),
    });
  });

  it('says full when the line is at the limit now, steady when it does not climb', () => {
    expect(
      linearTrend(
        history(7, ago => 20 - ago),
        14,
        now,
      ).state,
    ).toBe('full');
    expect(
      linearTrend(
        history(7, ago => 5 + ago),
        14,
        now,
      ),
    ).toMatchObject({
      state: 'steady',
      perDay: -1,
    });
  });

  it('needs three days of history, and some use', () => {
    expect(
      linearTrend(
        history(2, () => 1),
        14,
        now,
      ),
    ).toEqual({
      state: 'not-enough-history',
      days: 2,
    });
    expect(linearTrend([], 14, now)).toEqual({ state: 'not-measured' });
  });
});
