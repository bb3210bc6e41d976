import { Tariff, TariffPeriod } from './PowerSettings';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function covers(period: TariffPeriod, weekday: number, minute: number) {
  const crossesMidnight = period.toMinute < period.fromMinute;
  // After midnight, a period that crossed it belongs to the day it began.
  const startedYesterday = crossesMidnight && minute < period.toMinute;
  const day = startedYesterday ? (weekday + 6) % 7 : weekday;
  if (period.days && !period.days.includes(day)) return false;
  return crossesMidnight
    ? minute >= period.fromMinute || minute < period.toMinute
    : minute >= period.fromMinute && minute < period.toMinute;
}

/**
 * The price per kWh at each instant, in the tariff's time zone: the first
 * period covering the local time, else the base price. A period from 22:00
 * to 06:00 on fri covers Friday night until Saturday 06:00.
 */
export function tariffPrices(tariff: Tariff): (at: Date) => number {
  if (!tariff.periods.length) return () => tariff.pricePerKWh;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: tariff.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return at => {
    const parts = Object.fromEntries(
      format.formatToParts(at).map(part => [part.type, part.value]),
    );
    const weekday = WEEKDAYS.indexOf(parts.weekday);
    const minute = Number(parts.hour) * 60 + Number(parts.minute);
    return (
      tariff.periods.find(period => covers(period, weekday, minute))
        ?.pricePerKWh ?? tariff.pricePerKWh
    );
  };
}
