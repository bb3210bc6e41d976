import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** A Prometheus query of one device's draw in watts. */
export interface MeasuredSource {
  /** The inventory name of the device. */
  device: string;
  /** PromQL answering the device's draw in watts (summed when it answers several series). */
  query: string;
}

/** A part of the day at its own price. */
export interface TariffPeriod {
  name: string;
  /** Minutes after local midnight the period starts, inclusive. */
  fromMinute: number;
  /** Minutes after local midnight the period ends, exclusive (1440 for 24:00); below fromMinute when it crosses midnight. */
  toMinute: number;
  /** Days of the week it applies on (0 Sunday .. 6 Saturday); every day when absent. */
  days?: number[];
  pricePerKWh: number;
}

/** What energy costs: one price, or time-of-use periods over a base price. */
export interface Tariff {
  currency: string;
  /** The price outside every period; the only price of a flat tariff. */
  pricePerKWh: number;
  /** IANA time zone the periods are in. */
  timeZone: string;
  periods: TariffPeriod[];
}

/** How containers' and guests' CPU use is read to apportion power. */
export interface CpuUsageQueries {
  /** CPU cores used per node, namespace and pod, averaged over {{window}}. */
  pods: string;
  /** CPU cores used per Proxmox VE guest (label id "qemu/<vmid>"), averaged over {{window}}. */
  guests: string;
}

/** homelab.power, read once at start. */
export interface PowerSettings {
  sources: MeasuredSource[];
  /** Undefined when no tariff is configured: energy is given without cost. */
  tariff?: Tariff;
  cpuUsage: CpuUsageQueries;
}

/** The placeholder a source's query takes the device's name in. */
const DEVICE_PLACEHOLDER = '{{device}}';
/** The placeholder CPU usage queries take the window in, like 1d. */
export const WINDOW_PLACEHOLDER = '{{window}}';

/**
 * cAdvisor's container CPU counter, which the kubelet serves; the node label
 * is the one the Prometheus Operator adds to kubelet targets.
 */
const DEFAULT_POD_CPU = `sum by (node, namespace, pod) (rate(container_cpu_usage_seconds_total{container!="", pod!=""}[${WINDOW_PLACEHOLDER}]))`;
/**
 * prometheus-pve-exporter: a guest's share of its CPU limit times the limit
 * (cores) is the cores it used.
 */
const DEFAULT_GUEST_CPU = `sum by (id) (avg_over_time(pve_cpu_usage_ratio{id=~"qemu/.*"}[${WINDOW_PLACEHOLDER}]) * on (id) group_left () max by (id) (pve_cpu_usage_limit))`;

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Energy is counted in quarter hours, so periods start and end on one. */
export const INTERVAL_MINUTES = 15;

function minuteOfDay(text: string, key: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const minute = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minute >= 0 && minute <= 24 * 60) || minute % INTERVAL_MINUTES) {
    throw new InputError(
      `${key} must be a time HH:MM on a quarter hour, like 22:00 or 06:30; it is ${JSON.stringify(
        text,
      )}`,
    );
  }
  return minute;
}

function readPeriod(config: Config, key: string): TariffPeriod {
  const days = config.getOptionalStringArray('days');
  const period: TariffPeriod = {
    name: config.getString('name'),
    fromMinute:
      minuteOfDay(config.getString('from'), `${key}.from`) % (24 * 60),
    toMinute: minuteOfDay(config.getString('to'), `${key}.to`),
    pricePerKWh: config.getNumber('pricePerKWh'),
  };
  if (period.fromMinute === period.toMinute)
    throw new InputError(`${key} starts when it ends`);
  if (days) {
    period.days = days.map(day => {
      const index = DAYS.indexOf(day.toLowerCase().slice(0, 3));
      if (index < 0)
        throw new InputError(
          `${key}.days holds ${JSON.stringify(day)}, not a day like mon or sat`,
        );
      return index;
    });
  }
  return period;
}

/** The IANA time zone, as Intl names it; an error naming the key for one Intl does not know. */
function readTimeZone(config: Config): string {
  const timeZone = config.getOptionalString('timeZone') ?? 'UTC';
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions()
      .timeZone;
  } catch {
    throw new InputError(
      `homelab.power.tariff.timeZone ${JSON.stringify(
        timeZone,
      )} is not an IANA time zone`,
    );
  }
}

function readTariff(config: Config): Tariff {
  return {
    currency: config.getString('currency'),
    pricePerKWh: config.getNumber('pricePerKWh'),
    timeZone: readTimeZone(config),
    periods: (config.getOptionalConfigArray('periods') ?? []).map(
      (period, index) =>
        readPeriod(period, `homelab.power.tariff.periods[${index}]`),
    ),
  };
}

/**
 * Measured sources: each names one device or a group of devices whose
 * query takes the device's name in {{device}}.
 */
function readSources(config: Config): MeasuredSource[] {
  return (config.getOptionalConfigArray('sources') ?? []).flatMap(
    (source, index) => {
      const query = source.getString('query');
      const devices = [
        ...(source.getOptionalString('device')
          ? [source.getString('device')]
          : []),
        ...(source.getOptionalStringArray('devices') ?? []),
      ];
      if (!devices.length)
        throw new InputError(
          `homelab.power.sources[${index}] names no device or devices`,
        );
      if (devices.length > 1 && !query.includes(DEVICE_PLACEHOLDER))
        throw new InputError(
          `homelab.power.sources[${index}] names ${devices.length} devices, so its query must take each one's name in ${DEVICE_PLACEHOLDER}`,
        );
      return devices.map(device => ({
        device,
        query: query.split(DEVICE_PLACEHOLDER).join(device),
      }));
    },
  );
}

/** Reads homelab.power (see config.d.ts). */
export function readPowerSettings(config: Config): PowerSettings {
  const power = config.getOptionalConfig('homelab.power');
  const tariff = power?.getOptionalConfig('tariff');
  return {
    sources: power ? readSources(power) : [],
    tariff: tariff ? readTariff(tariff) : undefined,
    cpuUsage: {
      pods: power?.getOptionalString('cpuUsage.pods') ?? DEFAULT_POD_CPU,
      guests: power?.getOptionalString('cpuUsage.guests') ?? DEFAULT_GUEST_CPU,
    },
  };
}
