import { ConfigReader } from '@backstage/config';
import { PowerReport } from '@homelab/plugin-homelab-common';
import { readPrometheusClient } from '@homelab/plugin-homelab-node';
import { PrometheusTestServer } from '@homelab/plugin-homelab-node/testUtils';
import {
  exampleClusterClients,
  exampleEntities,
} from '../example/__testUtils__/exampleHomelab';
import { EntityIndex } from '../workloads/EntityIndex';
import { collectWorkloads } from '../workloads/collectWorkloads';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { buildPowerReport, PowerReportInputs } from './buildPowerReport';
import { readPowerSettings } from './PowerSettings';

/*
 * Power of the example homelab against a real Prometheus holding 31 days of
 * per-minute draw from the exporters' own metrics, and cAdvisor's CPU
 * counters for some of the example's real pods:
 * - the Turing Pi 2 board behind a Shelly plug (shelly_power_watts, the name
 *   Shelly exporters give the plug's active power);
 * - the Proxmox server by its BMC through the Prometheus IPMI exporter
 *   (ipmi_dcmi_power_consumption_watts);
 * - the UDM Pro on a UPS read by DRuggeri's nut_exporter: NUT's ups.load
 *   (percent) times ups.realpower.nominal (W);
 * - the QNAP configured with a NUT query that answers nothing;
 * - the Raspberry Pi estimated from the inventory's 15 W peak.
 * Every figure is checked against a sum over the raw minutes here, not
 * against the code's quarter hours.
 */

jest.setTimeout(300_000);

const MINUTE = 60;
const DAY = 24 * 3600;
// Ends on a quarter hour six hours ago (backfilled blocks must not reach
// the head block) and holds 31 days, one more than the month asks for.
const end = Math.floor(Date.now() / 1000 / 900) * 900 - 6 * 3600;
const start = end - 31 * DAY;

/** Watts in the minute ending at t, by exporter metric. */
const draw = {
  board: (t: number) => 12 + ((t / MINUTE) % 7),
  server: (t: number) => 60 + 5 * ((t / MINUTE) % 3),
  upsLoad: (t: number) => 8 + ((t / MINUTE) % 5),
};
const UPS_NOMINAL_W = 300;

/** Cores each pod uses, by node: pods of the example's recorded snapshots. */
const pods = [
  {
    node: 'rk1-1',
    namespace: 'home-assistant',
    pod: 'home-assistant-0',
    cores: 0.5,
  },
  {
    node: 'rk1-1',
    namespace: 'nextcloud',
    pod: 'nextcloud-z2bfdzmc84-zm7dx',
    cores: 0.25,
  },
  {
    node: 'rk1-2',
    namespace: 'traefik',
    pod: 'traefik-pp2xvc7ht4-gpkh8',
    cores: 0.1,
  },
  {
    node: 'rk1-3',
    namespace: 'longhorn-system',
    pod: 'longhorn-manager-nvljv',
    cores: 0.2,
  },
  {
    node: 'rpi-staging',
    namespace: 'vaultwarden',
    pod: 'vaultwarden-0',
    cores: 0.3,
  },
  {
    node: 'rpi-staging',
    namespace: 'home-assistant',
    pod: 'home-assistant-0',
    cores: 0.1,
  },
];

function history(): string {
  const lines: string[] = [];
  const gauge = (
    family: string,
    labels: string,
    value: (t: number) => number,
  ) => {
    lines.push(`# TYPE ${family} gauge`);
    for (let t = start; t <= end; t += MINUTE)
      lines.push(`${family}{${labels}} ${value(t)} ${t}`);
  };
  gauge('shelly_power_watts', 'device="turing-pi-2"', draw.board);
  gauge(
    'ipmi_dcmi_power_consumption_watts',
    'instance="proxmox-bmc:9290"',
    draw.server,
  );
  gauge('network_ups_tools_ups_load', 'ups="udm"', draw.upsLoad);
  gauge(
    'network_ups_tools_ups_realpower_nominal',
    'ups="udm"',
    () => UPS_NOMINAL_W,
  );
  lines.push('# TYPE container_cpu_usage_seconds counter');
  for (const p of pods) {
    for (let t = start; t <= end; t += MINUTE) {
      lines.push(
        `container_cpu_usage_seconds_total{node="${p.node}",namespace="${
          p.namespace
        }",pod="${p.pod}",container="app"} ${p.cores * (t - start)} ${t}`,
      );
    }
  }
  gauge('pve_cpu_usage_ratio', 'id="qemu/100"', () => 0.25);
  gauge('pve_cpu_usage_limit', 'id="qemu/100"', () => 4);
  lines.push('# EOF', '');
  return lines.join('\n');
}

const NUT_WATTS =
  'network_ups_tools_ups_load{ups="{{device}}"} / 100 * network_ups_tools_ups_realpower_nominal{ups="{{device}}"}';
const sources = [
  {
    devices: ['turing-pi-2'],
    query: 'shelly_power_watts{device="{{device}}"}',
  },
  {
    device: 'proxmox',
    query: 'ipmi_dcmi_power_consumption_watts{instance="proxmox-bmc:9290"}',
  },
  // NUT names the UDM Pro's UPS "udm"; the QNAP's UPS is not in NUT.
  { device: 'udm-pro', query: NUT_WATTS.split('{{device}}').join('udm') },
  { devices: ['qnap'], query: NUT_WATTS },
];

const TIME_OF_USE = {
  currency: 'SEK',
  pricePerKWh: 0.4,
  timeZone: 'Europe/Stockholm',
  periods: [
    { name: 'night', from: '22:00', to: '06:00', pricePerKWh: 0.15 },
    {
      name: 'weekend day',
      from: '08:00',
      to: '20:00',
      days: ['sat', 'sun'],
      pricePerKWh: 0.22,
    },
  ],
};

const stockholm = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  weekday: 'short',
  hour: 'numeric',
  hourCycle: 'h23',
});

/** The time-of-use price of the minute ending at t, worked out on its own. */
function timeOfUsePrice(t: number): number {
  const parts = Object.fromEntries(
    stockholm
      .formatToParts(new Date((t - MINUTE) * 1000))
      .map(p => [p.type, p.value]),
  );
  const hour = Number(parts.hour);
  if (hour >= 22 || hour < 6) return 0.15;
  if (['Sat', 'Sun'].includes(parts.weekday) && hour >= 8 && hour < 20)
    return 0.22;
  return 0.4;
}

/** kWh and cost of a draw over the minutes of the window ending at `end`. */
function expected(
  watts: (t: number) => number,
  seconds: number,
  price: (t: number) => number,
) {
  let kWh = 0;
  let cost = 0;
  for (let t = end - seconds + MINUTE; t <= end; t += MINUTE) {
    const minuteKWh = watts(t) / 60 / 1000;
    kWh += minuteKWh;
    cost += minuteKWh * price(t);
  }
  return { kWh, cost };
}

let prometheus: PrometheusTestServer;
let inputs: Omit<PowerReportInputs, 'settings'>;
beforeAll(async () => {
  prometheus = await PrometheusTestServer.start(history());
  const entities = await exampleEntities();
  const workloads = new Map<string, WorkloadSnapshot>();
  for (const client of exampleClusterClients())
    workloads.set(client.cluster, await collectWorkloads(client));
  inputs = {
    resources: entities.filter(e => e.kind === 'Resource' && e.spec?.homelab),
    index: new EntityIndex(entities),
    workloads,
    prometheus: readPrometheusClient(
      new ConfigReader({ homelab: { prometheus: { url: prometheus.url } } }),
    ),
    now: new Date(end * 1000 + 7 * MINUTE * 1000),
  };
});
afterAll(() => prometheus?.stop());

const report = (tariff: object) =>
  buildPowerReport({
    ...inputs,
    settings: readPowerSettings(
      new ConfigReader({ homelab: { power: { sources, tariff } } }),
    ),
  });
const device = (r: PowerReport, name: string) =>
  r.devices.find(d => d.name === name)!;

describe('power of the example homelab from a real Prometheus', () => {
  it('computes kWh and cost exactly with a flat tariff', async () => {
    const r = await report({ currency: 'EUR', pricePerKWh: 0.3 });
    const flat = () => 0.3;
    for (const [name, watts] of [
      ['turing-pi-2', draw.board],
      ['proxmox', draw.server],
      ['udm-pro', (t: number) => (draw.upsLoad(t) / 100) * UPS_NOMINAL_W],
    ] as const) {
      const d = device(r, name);
      expect(d).toMatchObject({
        source: 'measured',
        measuredAt: new Date(end * 1000).toISOString(),
      });
      for (const [window, seconds] of [
        ['day', DAY],
        ['month', 30 * DAY],
      ] as const) {
        const { kWh, cost } = expected(watts, seconds, flat);
        expect(d[window]!.kWh).toBeCloseTo(kWh, 9);
        expect(d[window]!.cost).toBeCloseTo(cost, 9);
        expect(d[window]!.hours).toBe(seconds / 3600);
      }
    }
    // The Pi's peak of 15 W, all day: the estimate is labelled as such.
    expect(device(r, 'rpi-staging')).toMatchObject({
      source: 'estimated',
      basis: 'inventory: at most 15 W (its peak; no typical draw given)',
      watts: 15,
      day: { hours: 24 },
    });
    expect(device(r, 'rpi-staging').day!.kWh).toBeCloseTo(0.36, 12);
    expect(device(r, 'rpi-staging').day!.cost).toBeCloseTo(0.108, 12);
    expect(device(r, 'rpi-staging').month!.kWh).toBeCloseTo(10.8, 12);
  });

  it('computes kWh and cost exactly with time-of-use periods in a time zone', async () => {
    const r = await report(TIME_OF_USE);
    for (const [window, seconds] of [
      ['day', DAY],
      ['month', 30 * DAY],
    ] as const) {
      const { kWh, cost } = expected(draw.board, seconds, timeOfUsePrice);
      expect(device(r, 'turing-pi-2')[window]!.kWh).toBeCloseTo(kWh, 9);
      expect(device(r, 'turing-pi-2')[window]!.cost).toBeCloseTo(cost, 9);
      // Not the flat price of any one period.
      expect(cost / kWh).toBeGreaterThan(0.15);
      expect(cost / kWh).toBeLessThan(0.4);
    }
    expect(r.tariff!.periods[1]).toEqual({
      name: 'weekend day',
      from: '08:00',
      to: '20:00',
      days: [6, 0],
      pricePerKWh: 0.22,
    });
  });

  it("estimates a device from its idle and peak draw by its pods' CPU use", async () => {
    // Figures commonly measured for a Raspberry Pi 4B: 2.7 W idle, 6.4 W
    // under full load. Its pods use 0.4 of its 4 cores all month.
    const resources = inputs.resources.map(e =>
      e.metadata.name === 'rpi-staging'
        ? {
            ...e,
            spec: {
              ...e.spec,
              homelab: {
                ...(e.spec!.homelab as object),
                power: { idleW: 2.7, maxW: 6.4 },
              },
            },
          }
        : e,
    );
    const r = await buildPowerReport({
      ...inputs,
      resources,
      settings: readPowerSettings(
        new ConfigReader({
          homelab: {
            power: { sources, tariff: { currency: 'EUR', pricePerKWh: 0.3 } },
          },
        }),
      ),
    });
    const pi = device(r, 'rpi-staging');
    const watts = 2.7 + (6.4 - 2.7) * 0.1;
    expect(pi).toMatchObject({
      source: 'estimated',
      basis:
        'inventory: 2.7 W idle to 6.4 W peak, at 10% of its 4 cores over the last day (10% over 30 days)',
      inventoryWatts: 6.4,
    });
    expect(pi.watts).toBeCloseTo(watts, 6);
    expect(pi.day!.kWh).toBeCloseTo((watts * 24) / 1000, 6);
    expect(pi.month!.cost).toBeCloseTo(((watts * 720) / 1000) * 0.3, 6);
  });

  it('says "not measured", and why, where no source answers and the inventory has no figure', async () => {
    const r = await report(TIME_OF_USE);
    expect(device(r, 'qnap')).toMatchObject({
      source: 'not-measured',
      watts: null,
      day: null,
      month: null,
    });
    expect(device(r, 'qnap').basis).toMatch(
      /^its query answered nothing in the last 30 days: network_ups_tools_ups_load\{ups="qnap"\}/,
    );
    expect(device(r, 'unifi-switch')).toMatchObject({
      source: 'not-measured',
      basis:
        'no measured source is configured, and the inventory gives no power figures',
    });
    expect(r.warnings).toEqual([
      expect.stringMatching(/^qnap: its query answered nothing/),
    ]);
    expect(r.total.notMeasured).toBe(
      r.devices.filter(d => d.source === 'not-measured').length,
    );
  });

  it('apportions each device down to modules, nodes, clusters and apps by CPU use, summing back to the devices', async () => {
    const r = await report(TIME_OF_USE);
    const consumers = (kind: string) =>
      r.consumers.filter(c => c.kind === kind);
    const leaves = [...consumers('app'), ...consumers('unattributed')];
    for (const window of ['day', 'month'] as const) {
      const sumOf = (list: typeof leaves, key: 'kWh' | 'cost') =>
        list.reduce((s, c) => s + c[window][key]!, 0);
      expect(sumOf(leaves, 'kWh')).toBeCloseTo(r.total[window].kWh, 9);
      expect(sumOf(leaves, 'cost')).toBeCloseTo(r.total[window].cost!, 9);
    }
    expect(leaves.reduce((s, c) => s + c.watts, 0)).toBeCloseTo(
      r.total.watts,
      9,
    );

    // The board's modules by their nodes' CPU: 0.75, 0.1 and 0.2 cores.
    const board = device(r, 'turing-pi-2');
    const modules = ['rk1-1', 'rk1-2', 'rk1-3'].map(name => device(r, name));
    [0.75, 0.1, 0.2].forEach((cores, i) => {
      expect(modules[i]).toMatchObject({
        includedIn: 'resource:default/turing-pi-2',
        source: 'measured',
        inventoryWatts: 5,
      });
      expect(modules[i].day!.kWh).toBeCloseTo(
        (board.day!.kWh * cores) / 1.05,
        9,
      );
    });
    // Production runs on the board alone, staging on the Pi alone.
    const cluster = (name: string) =>
      consumers('cluster').find(c => c.name === name)!;
    expect(cluster('production').month.kWh).toBeCloseTo(board.month!.kWh, 9);
    expect(cluster('production')).toMatchObject({
      source: 'measured',
      entityRef: 'resource:default/production',
    });
    expect(cluster('staging')).toMatchObject({ source: 'estimated' });
    expect(cluster('staging').day.kWh).toBeCloseTo(0.36, 12);
    // Home Assistant's pods on rk1-1 and on the Pi: two apps, one per cluster.
    const homeAssistant = consumers('app').filter(
      c => c.entityRef === 'component:default/home-assistant',
    );
    expect(homeAssistant.map(c => c.cluster).sort()).toEqual([
      'production',
      'staging',
    ]);
    const production = homeAssistant.find(c => c.cluster === 'production')!;
    expect(production.day.kWh).toBeCloseTo(
      ((board.day!.kWh * 0.75) / 1.05) * (0.5 / 0.75),
      9,
    );
    // The Docker VM takes the whole server; nothing inside it splits it further.
    expect(consumers('virtual-machine')).toEqual([
      expect.objectContaining({
        name: 'pve-docker',
        devices: ['resource:default/proxmox'],
      }),
    ]);
    expect(
      consumers('unattributed')
        .map(c => c.name)
        .sort(),
    ).toEqual(['pve-docker', 'udm-pro']);
  });
});
