import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  DevicePower,
  HOMELAB_RESOURCE_TYPES,
  PowerConsumer,
  PowerEnergy,
  PowerReport,
} from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import { EntityIndex } from '../workloads/EntityIndex';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { ConsumerShare, consumerKey, PowerApportioner } from './apportionPower';
import { CpuUse, deviceLoads, readCpuUse } from './cpuUse';
import { DeviceDraw, deviceDraws } from './devicePowerSources';
import { PowerSettings, Tariff } from './PowerSettings';
import { Energy, PowerTimeline } from './PowerTimeline';
import { tariffPrices } from './tariffPrices';

/** What the power report is built from. */
export interface PowerReportInputs {
  resources: Entity[];
  index: EntityIndex;
  workloads: Map<string, WorkloadSnapshot>;
  prometheus?: PrometheusClient;
  settings: PowerSettings;
  now: Date;
}

const HISTORY_HOURS = 7 * 24;
/** Devices are listed measured first, then estimated, then not measured, each by name. */
const SOURCE_ORDER = ['measured', 'estimated', 'not-measured'];

const NO_CPU_USE: CpuUse = { apps: new Map(), guests: new Map() };

/** Hourly averages of the last 7 days of quarter-hour watts. */
function hourly(
  watts: number[],
  intervalsPerHour: number,
): Array<number | null> {
  const from = watts.length - HISTORY_HOURS * intervalsPerHour;
  return Array.from({ length: HISTORY_HOURS }, (_, hour) => {
    const values = watts
      .slice(
        from + hour * intervalsPerHour,
        from + (hour + 1) * intervalsPerHour,
      )
      .filter(w => !Number.isNaN(w));
    return values.length
      ? values.reduce((a, b) => a + b, 0) / values.length
      : null;
  });
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(
    minute % 60,
  ).padStart(2, '0')}`;

function servedTariff(tariff: Tariff): PowerReport['tariff'] {
  return {
    currency: tariff.currency,
    pricePerKWh: tariff.pricePerKWh,
    timeZone: tariff.timeZone,
    periods: tariff.periods.map(p => ({
      name: p.name,
      from: hhmm(p.fromMinute),
      to: hhmm(p.toMinute),
      ...(p.days ? { days: p.days } : {}),
      pricePerKWh: p.pricePerKWh,
    })),
  };
}

/** Adds a share of an energy figure to a running total. */
function addEnergy(total: PowerEnergy, energy: Energy, fraction: number) {
  total.kWh += energy.kWh * fraction;
  if (energy.cost !== undefined)
    total.cost = (total.cost ?? 0) + energy.cost * fraction;
  total.hours = Math.max(total.hours, energy.hours);
}

const emptyEnergy = (): PowerEnergy => ({ kWh: 0, hours: 0 });

/** Adds each root device's shares, over the day and the month, to the consumers. */
function apportion(
  roots: Array<{ draw: DeviceDraw; energy: { day: Energy; month: Energy } }>,
  apportioner: PowerApportioner,
  cpu: { day: CpuUse; month: CpuUse },
): Map<string, PowerConsumer> {
  const consumers = new Map<string, PowerConsumer>();
  const consumerOf = ({ consumer }: ConsumerShare, draw: DeviceDraw) => {
    const key = consumerKey(consumer);
    let entry = consumers.get(key);
    if (!entry) {
      entry = {
        ...consumer,
        devices: [],
        source: draw.source as PowerConsumer['source'],
        watts: 0,
        day: emptyEnergy(),
        month: emptyEnergy(),
      };
      consumers.set(key, entry);
    }
    if (!entry.devices.includes(draw.entityRef))
      entry.devices.push(draw.entityRef);
    if (entry.source !== draw.source) entry.source = 'mixed';
    return entry;
  };
  for (const { draw, energy } of roots) {
    for (const share of apportioner.shares(draw.entityRef, cpu.day)) {
      const entry = consumerOf(share, draw);
      entry.watts += (draw.latest ?? 0) * share.fraction;
      addEnergy(entry.day, energy.day, share.fraction);
    }
    for (const share of apportioner.shares(draw.entityRef, cpu.month)) {
      addEnergy(consumerOf(share, draw).month, energy.month, share.fraction);
    }
  }
  return consumers;
}

/** CPU use over the last day and 30 days; none without Prometheus. */
async function cpuOverWindows(
  inputs: PowerReportInputs,
  at: Date,
  warnings: string[],
): Promise<{ day: CpuUse; month: CpuUse }> {
  const { prometheus, settings } = inputs;
  if (!prometheus) return { day: NO_CPU_USE, month: NO_CPU_USE };
  const over = (window: string) =>
    readCpuUse(prometheus, settings.cpuUsage, inputs, window, at, warnings);
  return { day: await over('1d'), month: await over('30d') };
}

/**
 * The homelab's power: each device's draw from its best source with energy
 * and cost over the last day and 30 days, apportioned down to what runs on
 * it (see {@link PowerApportioner}).
 */
export async function buildPowerReport(
  inputs: PowerReportInputs,
): Promise<PowerReport> {
  const { resources, settings, prometheus, now } = inputs;
  const warnings: string[] = [];
  const timeline = new PowerTimeline(
    now,
    settings.tariff && tariffPrices(settings.tariff),
  );
  const devices = resources.filter(
    e => e.spec?.type === HOMELAB_RESOURCE_TYPES.device,
  );
  const at = new Date(timeline.end * 1000);
  const cpu = await cpuOverWindows(inputs, at, warnings);
  const draws = await deviceDraws(
    devices,
    settings.sources,
    prometheus,
    timeline,
    deviceLoads(resources, cpu),
    warnings,
  );
  const measured = new Set(
    draws.filter(d => d.source === 'measured').map(d => d.entityRef),
  );
  const includedIn = (draw: DeviceDraw) => {
    const host = (draw.entity.spec?.homelab as { hostedOn?: string }).hostedOn;
    return host && measured.has(host) ? host : undefined;
  };
  const rootDraws = draws.filter(d => !includedIn(d));
  const roots = rootDraws
    .filter(d => d.source !== 'not-measured')
    .map(draw => ({
      draw,
      energy: {
        day: timeline.energy(draw.watts).day,
        month: timeline.energy(draw.monthWatts ?? draw.watts).month,
      },
    }));
  const consumers = apportion(
    roots,
    new PowerApportioner(resources, new Set(rootDraws.map(d => d.entityRef))),
    cpu,
  );
  const intervalsPerHour = 3600 / timeline.intervalSeconds;
  const servedDevices: DevicePower[] = draws.map(draw => {
    const host = includedIn(draw);
    const share = host
      ? consumers.get(
          consumerKey({ kind: 'device', name: draw.entity.metadata.name }),
        )
      : undefined;
    const energy = roots.find(r => r.draw === draw)?.energy;
    return {
      entityRef: draw.entityRef,
      name: draw.entity.metadata.name,
      ...(draw.entity.metadata.title
        ? { title: draw.entity.metadata.title }
        : {}),
      ...((draw.entity.spec?.homelab as { kind?: string }).kind
        ? { kind: (draw.entity.spec?.homelab as { kind: string }).kind }
        : {}),
      source: host ? 'measured' : draw.source,
      basis: host
        ? `its share of ${
            parseEntityRef(host).name
          }'s measured draw, by CPU use`
        : draw.basis,
      ...(draw.inventoryWatts !== undefined
        ? { inventoryWatts: draw.inventoryWatts }
        : {}),
      watts: host ? share?.watts ?? 0 : draw.latest ?? null,
      ...(draw.measuredAt
        ? { measuredAt: new Date(draw.measuredAt * 1000).toISOString() }
        : {}),
      ...(host ? { includedIn: host } : {}),
      day: host ? share?.day ?? emptyEnergy() : energy?.day ?? null,
      month: host ? share?.month ?? emptyEnergy() : energy?.month ?? null,
      history: host ? [] : hourly(draw.watts, intervalsPerHour),
    };
  });
  const total = { watts: 0, day: emptyEnergy(), month: emptyEnergy() };
  for (const { draw, energy } of roots) {
    total.watts += draw.latest ?? 0;
    addEnergy(total.day, energy.day, 1);
    addEnergy(total.month, energy.month, 1);
  }
  return {
    generatedAt: now.toISOString(),
    ...(settings.tariff ? { tariff: servedTariff(settings.tariff) } : {}),
    total: {
      ...total,
      notMeasured: rootDraws.filter(d => d.source === 'not-measured').length,
    },
    devices: servedDevices.sort(
      (a, b) =>
        SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) ||
        a.name.localeCompare(b.name),
    ),
    consumers: [...consumers.values()].filter(c => c.kind !== 'device'),
    warnings,
  };
}
