import { ConfigReader } from '@backstage/config';
import {
  PrometheusClient,
  readPrometheusClient,
} from '@homelab/plugin-homelab-node';
import { PrometheusTestServer } from '@homelab/plugin-homelab-node/testUtils';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { SloDefinition } from '@homelab/plugin-homelab-common';
import { recordCollection } from '../collectors/recordCollection';
import { serviceKey, SloCollector } from '../collectors/SloCollector';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import { evaluateSlos } from './evaluateSlos';
import { SloSource } from './sources/SloSource';
import { parseOpenSlo } from './openslo';

jest.setTimeout(180_000);

const HOUR = 3600;
const DAY = 24 * HOUR;
const STEP = 300;
// The history ends six hours ago (backfilled blocks must not reach the head
// block) on a five-minute boundary, and starts 31 days before.
const end = Math.floor(Date.now() / 1000 / STEP) * STEP - 6 * HOUR;
const start = end - 31 * DAY;

/**
 * Request rates per second, and the error ratio of each five-minute step
 * ending at time t:
 * - api: 100 req/s, 0.05% errors throughout;
 * - checkout: 10 req/s, 2% errors, 20% in the last 6 hours;
 * - reports: 10 req/s, 0.01% errors, 0.5% in the last day;
 * - search: no series at all;
 * - backup: five requests a day, the one in the last hour failed.
 */
const services = {
  api: { rate: 100, errorRatio: () => 0.0005 },
  checkout: {
    rate: 10,
    errorRatio: (t: number) => (t > end - 6 * HOUR ? 0.2 : 0.02),
  },
  reports: {
    rate: 10,
    errorRatio: (t: number) => (t > end - DAY ? 0.005 : 0.0001),
  },
  backup: {
    rate: 5 / DAY,
    errorRatio: (t: number) => (t > end - HOUR ? 1 : 0),
  },
};

function history(): string {
  const lines: string[] = [];
  for (const family of ['requests', 'errors'] as const) {
    lines.push(`# TYPE slo_${family} counter`);
    for (const [service, { rate, errorRatio }] of Object.entries(services)) {
      let counter = 0;
      for (let t = start; t <= end; t += STEP) {
        if (t > start)
          counter += rate * STEP * (family === 'requests' ? 1 : errorRatio(t));
        lines.push(`slo_${family}_total{service="${service}"} ${counter} ${t}`);
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

const openSlo = (name: string, objective: number) => `
apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name} }
spec:
  service: ${name}
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: ${objective} }]
  indicator:
    metadata: { name: ${name}-errors }
    spec:
      ratioMetric:
        counter: true
        bad: { metricSource: { type: Prometheus, spec: { query: 'slo_errors_total{service="${name}"}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'slo_requests_total{service="${name}"}' } } }
`;

const documents = [
  openSlo('api', 0.999),
  openSlo('checkout', 0.99),
  openSlo('reports', 0.999),
  openSlo('search', 0.999),
].join('---\n');

let prometheus: PrometheusTestServer;
let client: PrometheusClient;
beforeAll(async () => {
  prometheus = await PrometheusTestServer.start(history());
  client = readPrometheusClient(
    new ConfigReader({ homelab: { prometheus: { url: prometheus.url } } }),
  )!;
});
afterAll(() => prometheus?.stop());

describe('SLO evaluation against a real Prometheus with 31 days of backfilled history', () => {
  const evaluate = async () => {
    const { slos, problems } = parseOpenSlo(documents, 'slos.yaml');
    expect(problems).toEqual([]);
    const { statuses, queries } = await evaluateSlos(
      slos,
      client,
      new Date(end * 1000),
    );
    const byName = Object.fromEntries(
      slos.map(slo => [slo.name, statuses.get(slo.id)!]),
    );
    return { byName, queries };
  };
  const burnRates = (status: any) =>
    status.burnRates.map((r: any) => [
      r.severity,
      r.longWindow,
      r.shortWindow,
      r.longBurnRate,
      r.shortBurnRate,
      r.firing,
    ]);

  it('api: 0.05% errors against 99.9% leaves half the budget, burning at 0.5', async () => {
    const { api } = (await evaluate()).byName;
    expect(api.state).toBe('ok');
    expect(api.alert).toBe('none');
    expect(api.sli).toBeCloseTo(0.9995, 9);
    expect(api.errorBudgetRemaining).toBeCloseTo(0.5, 6);
    for (const rate of api.burnRates) {
      expect(rate.longBurnRate).toBeCloseTo(0.5, 6);
      expect(rate.shortBurnRate).toBeCloseTo(0.5, 6);
      expect(rate.firing).toBe(false);
    }
  });

  it('checkout: the budget is exhausted and every alert fires, pages first', async () => {
    const { checkout } = (await evaluate()).byName;
    // 30 days: (714 h x 2% + 6 h x 20%) / 720 h = 2.15% errors; budget 1 - 0.0215 / 0.01.
    expect(checkout.sli).toBeCloseTo(1 - 0.0215, 9);
    expect(checkout.errorBudgetRemaining).toBeCloseTo(-1.15, 6);
    expect(checkout.state).toBe('breaching');
    expect(checkout.alert).toBe('page');
    // Burn rate = error ratio / 1%: 20% in the last 6 h; 1 d: (18 h x 2% + 6 h x 20%) / 24 h = 6.5%;
    // 3 d: (66 h x 2% + 6 h x 20%) / 72 h = 3.5%. Thresholds 14.4, 6, 3 and 1.
    const expected = [
      ['page', '1h', '5m', 20, 20, true],
      ['page', '6h', '30m', 20, 20, true],
      ['ticket', '1d', '2h', 6.5, 20, true],
      ['ticket', '3d', '6h', 3.5, 20, true],
    ];
    burnRates(checkout).forEach((actual: any[], i: number) => {
      expect(actual.slice(0, 3)).toEqual(expected[i].slice(0, 3));
      expect(actual[3]).toBeCloseTo(expected[i][3] as number, 6);
      expect(actual[4]).toBeCloseTo(expected[i][4] as number, 6);
      expect(actual[5]).toBe(expected[i][5]);
    });
    expect(checkout.burnRates.map(r => r.threshold)).toEqual(
      [14.4, 6, 3, 1].map(t => expect.closeTo(t, 9)),
    );
  });

  it('reports: a day at 0.5% errors fires the ticket alerts but no page', async () => {
    const { reports } = (await evaluate()).byName;
    // 30 days: (696 h x 0.01% + 24 h x 0.5%) / 720 h; budget 1 - ratio / 0.1%.
    const ratio = (696 * 0.0001 + 24 * 0.005) / 720;
    expect(reports.sli).toBeCloseTo(1 - ratio, 9);
    expect(reports.errorBudgetRemaining).toBeCloseTo(1 - ratio / 0.001, 6);
    expect(reports.state).toBe('warning');
    expect(reports.alert).toBe('ticket');
    // Burn 5 in the last day; 3 d: (48 h x 0.01% + 24 h x 0.5%) / 72 h = 0.17333% -> 1.7333.
    const rates = burnRates(reports);
    expect(rates.map((r: any[]) => r[5])).toEqual([false, false, true, true]);
    expect(rates[0][3]).toBeCloseTo(5, 6);
    expect(rates[3][3]).toBeCloseTo((48 * 0.0001 + 24 * 0.005) / 72 / 0.001, 6);
  });

  it('search: no series is no data, never a perfect score', async () => {
    const { search } = (await evaluate()).byName;
    expect(search).toMatchObject({
      state: 'no-data',
      sli: null,
      errorBudgetRemaining: null,
      alert: null,
    });
    expect(
      search.burnRates.every(r => r.firing === null && r.longBurnRate === null),
    ).toBe(true);
  });

  it('keeps a rolling history of the budget for charts', async () => {
    const { checkout, api } = (await evaluate()).byName;
    expect(api.series).toHaveLength(60);
    expect(api.series!.at(-1)!.errorBudgetRemaining).toBeCloseTo(0.5, 6);
    expect(api.series!.at(-1)!.time).toBe(new Date(end * 1000).toISOString());
    // The checkout budget fell as the last hours' 20% errors entered the window.
    const last = checkout.series!.at(-1)!.errorBudgetRemaining!;
    expect(last).toBeCloseTo(-1.15, 6);
    expect(checkout.series!.at(-3)!.errorBudgetRemaining!).toBeGreaterThan(
      last,
    );
  });

  it('asks Prometheus the same number of queries for 4 SLOs as for 200', async () => {
    const few = await evaluate();
    const many = parseOpenSlo(
      Array.from({ length: 50 }, (_, i) =>
        documents.replace(/name: (\w+) }/g, `name: $1-${i} }`),
      ).join('---\n'),
      'many.yaml',
    );
    expect(many.slos).toHaveLength(200);
    const manyRun = await evaluateSlos(many.slos, client, new Date(end * 1000));
    expect(manyRun.queries).toBe(few.queries);
    expect(few.queries).toBe(9); // seven alert windows, the period, and its history
    // Counting the events takes no query more.
    const counted = await evaluateSlos(
      many.slos,
      client,
      new Date(end * 1000),
      {
        minimumEvents: 1000,
      },
    );
    expect(counted.queries).toBe(9);
  });

  it('backup: a handful of requests a day says not enough data, rather than burning its budget on one failure', async () => {
    const { slos } = parseOpenSlo(openSlo('backup', 0.999), 'backup.yaml');
    const at = new Date(end * 1000);
    const [burning] = (await evaluateSlos(slos, client, at)).statuses.values();
    // Without a minimum, one failure in 150 requests spends the budget
    // and pages: 100% errors in the last hour burn at 1000.
    expect(burning).toMatchObject({ state: 'breaching', alert: 'page' });
    expect(burning.burnRates[0].longBurnRate).toBeCloseTo(1000, 6);

    const [judged] = (
      await evaluateSlos(slos, client, at, { minimumEvents: 1000 })
    ).statuses.values();
    expect(judged).toMatchObject({
      state: 'not-enough-data',
      alert: null,
      minimumEvents: 1000,
    });
    // 5 a day for 30 days, as Prometheus counts them.
    expect(judged.events).toBeCloseTo(150, 0);
    expect(judged.sli).toBeCloseTo(burning.sli!, 10);
    for (const alert of judged.burnRates) {
      expect(alert).toMatchObject({
        longBurnRate: null,
        shortBurnRate: null,
        firing: null,
      });
      expect(alert.longEvents).toBeLessThan(1000);
    }
    expect(judged.burnRates[0].longEvents).toBeCloseTo(5 / 24, 1);

    // Busy SLOs are judged as before.
    const { statuses } = await evaluateSlos(
      parseOpenSlo(openSlo('api', 0.999), 'api.yaml').slos,
      client,
      at,
      { minimumEvents: 1000 },
    );
    expect([...statuses.values()][0]).toMatchObject({
      state: 'ok',
      alert: 'none',
    });
  });
});

describe('the SLO collector against a real Prometheus', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const at = new Date(end * 1000);

  /** A place with SLOs that can be made to fail. */
  class FlakySource implements SloSource {
    failing = false;
    constructor(readonly name: string, private readonly text: string) {}
    async read() {
      if (this.failing) throw new Error('ENOENT: no such file or directory');
      return parseOpenSlo(this.text, this.name);
    }
    owns(definition: SloDefinition) {
      return definition.origin === this.name;
    }
  }

  it('keeps the SLOs of a place that cannot be read, and the last evaluation when Prometheus is down', async () => {
    const store = await DatabaseHomelabStore.create(
      mockServices.database({ knex: await databases.init('SQLITE_3') }),
    );
    const first = new FlakySource('api.yaml', openSlo('api', 0.999));
    const second = new FlakySource('checkout.yaml', openSlo('checkout', 0.99));
    const collect = (prometheusClient: PrometheusClient) =>
      recordCollection(
        store.collections,
        mockServices.logger.mock(),
        { source: 'slo', timeoutMs: 120_000, now: () => at },
        evaluatedAt =>
          new SloCollector(
            store.slos,
            prometheusClient,
            async () => [first, second],
            async named =>
              new Map(
                named.map(s => [
                  serviceKey(s),
                  `component:default/${s.service}`,
                ]),
              ),
          ).collect(evaluatedAt),
      );

    await collect(client);
    expect(
      (await store.slos.slos()).map(s => [
        s.definition.name,
        s.definition.entityRef,
        s.status.state,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['api', 'component:default/api', 'ok'],
        ['checkout', 'component:default/checkout', 'breaching'],
      ]),
    );

    second.failing = true;
    await collect(client);
    expect(
      (await store.slos.slos()).map(s => s.definition.name).sort(),
    ).toEqual(['api', 'checkout']);
    const [freshness] = await store.collections.freshness(['slo']);
    expect(freshness).toMatchObject({ state: 'fresh' });
    expect(freshness.warnings).toEqual([
      'checkout.yaml could not be read, so its 1 SLO(s) from the last good read are kept: ENOENT: no such file or directory',
    ]);

    const before = await store.slos.slos();
    await collect(
      readPrometheusClient(
        new ConfigReader({
          homelab: {
            prometheus: { url: 'http://127.0.0.1:9', requestTimeoutMs: 2000 },
          },
        }),
      )!,
    );
    expect(await store.slos.slos()).toEqual(before);
    expect((await store.collections.freshness(['slo']))[0]).toMatchObject({
      state: 'stale',
      error: expect.stringContaining(
        'Prometheus at http://127.0.0.1:9 cannot be reached',
      ),
    });
  });
});
