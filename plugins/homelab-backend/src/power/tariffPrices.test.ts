import { ConfigReader } from '@backstage/config';
import { readPowerSettings } from './PowerSettings';
import { tariffPrices } from './tariffPrices';

const settings = (power: object) =>
  readPowerSettings(new ConfigReader({ homelab: { power } }));

describe('tariffs', () => {
  const tariff = settings({
    tariff: {
      currency: 'GBP',
      pricePerKWh: 0.3,
      timeZone: 'Europe/London',
      periods: [
        // Economy 7's night, on Friday nights only.
        {
          name: 'night',
          from: '00:30',
          to: '07:30',
          days: ['sat'],
          pricePerKWh: 0.1,
        },
        {
          name: 'friday late',
          from: '22:00',
          to: '00:30',
          days: ['fri'],
          pricePerKWh: 0.12,
        },
        {
          name: 'sunday',
          from: '00:00',
          to: '24:00',
          days: ['sunday'],
          pricePerKWh: 0.2,
        },
      ],
    },
  }).tariff!;
  const price = tariffPrices(tariff);

  it('prices each instant by the local time and the day its period began', () => {
    // 2026-07-03 is a Friday; London is UTC+1 in summer.
    expect(price(new Date('2026-07-03T20:59:00Z'))).toBe(0.3);
    expect(price(new Date('2026-07-03T21:00:00Z'))).toBe(0.12);
    // Saturday 00:15 local: still Friday's late period, which crossed midnight.
    expect(price(new Date('2026-07-03T23:15:00Z'))).toBe(0.12);
    expect(price(new Date('2026-07-03T23:30:00Z'))).toBe(0.1);
    expect(price(new Date('2026-07-04T06:29:00Z'))).toBe(0.1);
    expect(price(new Date('2026-07-04T06:30:00Z'))).toBe(0.3);
    // A whole Sunday, to 24:00.
    expect(price(new Date('2026-07-05T22:59:00Z'))).toBe(0.2);
    expect(price(new Date('2026-07-05T23:00:00Z'))).toBe(0.3);
    // Winter: UTC+0.
    expect(price(new Date('2026-01-02T22:00:00Z'))).toBe(0.12);
  });

  it('is flat without periods', () => {
    const flat = settings({ tariff: { currency: 'EUR', pricePerKWh: 0.25 } });
    expect(flat.tariff!.timeZone).toBe('UTC');
    expect(tariffPrices(flat.tariff!)(new Date())).toBe(0.25);
  });

  it('refuses periods off the quarter hour, unknown days and zones, and group queries without {{device}}', () => {
    const period = (fields: object) => () =>
      settings({
        tariff: {
          currency: 'EUR',
          pricePerKWh: 0.25,
          periods: [
            {
              name: 'p',
              from: '22:00',
              to: '06:00',
              pricePerKWh: 0.1,
              ...fields,
            },
          ],
        },
      });
    expect(period({ from: '22:10' })).toThrow(
      'homelab.power.tariff.periods[0].from must be a time HH:MM on a quarter hour, like 22:00 or 06:30; it is "22:10"',
    );
    expect(period({ to: '22:00' })).toThrow(
      'homelab.power.tariff.periods[0] starts when it ends',
    );
    expect(period({ days: ['caturday'] })).toThrow(
      'homelab.power.tariff.periods[0].days holds "caturday", not a day like mon or sat',
    );
    expect(() =>
      settings({
        tariff: { currency: 'EUR', pricePerKWh: 1, timeZone: 'Mars/Olympus' },
      }),
    ).toThrow(
      'homelab.power.tariff.timeZone "Mars/Olympus" is not an IANA time zone',
    );
    expect(() =>
      settings({
        sources: [{ devices: ['a', 'b'], query: 'shelly_power_watts' }],
      }),
    ).toThrow(
      "homelab.power.sources[0] names 2 devices, so its query must take each one's name in {{device}}",
    );
    expect(
      settings({
        sources: [
          {
            devices: ['a', 'b'],
            query: 'shelly_power_watts{device="{{device}}"}',
          },
        ],
      }).sources,
    ).toEqual([
      { device: 'a', query: 'shelly_power_watts{device="a"}' },
      { device: 'b', query: 'shelly_power_watts{device="b"}' },
    ]);
  });
});
