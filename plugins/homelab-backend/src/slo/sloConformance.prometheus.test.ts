import { ConfigReader } from '@backstage/config';
import {
  PrometheusClient,
  readPrometheusClient,
} from '@homelab/plugin-homelab-node';
import { PrometheusTestServer } from '@homelab/plugin-homelab-node/testUtils';
import { SloStatus } from '@homelab/plugin-homelab-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml, stringify } from 'yaml';
import {
  parsePyrraObjective,
  parseSlothServiceLevel,
  PyrraObjective,
  SlothServiceLevel,
} from './clusterSlos';
import { formatDuration, parseDuration } from './durations';
import { evaluateSlos } from './evaluateSlos';

/*
 * SLO conformance: Sloth's and Pyrra's own recording rules (test/fixtures/slo,
 * see SOURCE.md there), recorded by the real Prometheus over 31 days of
 * history, against this project's evaluation of the same SLOs. SLI, budget
 * left and burn rates must equal the rules' values to the 4th decimal, each
 * compared at the instant the rule was evaluated.
 */

jest.setTimeout(300_000);

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/slo');
const fixture = (file: string) =>
  fs.readFileSync(path.join(FIXTURES, file), 'utf8');

const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;
// History scraped every minute, ending six hours ago (backfilled blocks must
// not reach the head block), 31 days long: Sloth's period is 30 days,
// Pyrra's objective 4 weeks.
const end = Math.floor(Date.now() / 1000 / MINUTE) * MINUTE - 6 * HOUR;
const start = end - 31 * DAY;

/**
 * A day's traffic rises and falls smoothly, and the quiet hours fail more
 * often, so that the mean of 5-minute ratios (Sloth) and the ratio of all
 * events (Pyrra) differ; in the last three hours an incident ramps the
 * errors up over half an hour.
 */
function traffic(
  t: number,
  service: { base: number; incident: number; incidentHours: number },
) {
  const daily = Math.sin((2 * Math.PI * (t - end)) / DAY);
  const rate = 20 + 15 * daily;
  const ramp = Math.min(
    1,
    Math.max(0, (t - (end - service.incidentHours * HOUR)) / HOUR),
  );
  return {
    rate,
    errorRatio: service.base * (1 - 0.8 * daily) + service.incident * ramp,
  };
}

const services = [
  {
    // Sloth's example: errors are the 5xx and 429 codes of job="myservice".
    metric: 'http_request_duration_seconds_count',
    family: '# TYPE http_request_duration_seconds summary',
    job: 'myservice',
    errorCodes: { '500': 0.75, '429': 0.25 },
    base: 0.0005,
    incident: 0.0015,
    incidentHours: 48,
  },
  {
    // Pyrra's example: errors are the 5xx codes of job="thanos-receive-default".
    metric: 'http_requests_total',
    family: '# TYPE http_requests counter',
    job: 'thanos-receive-default',
    errorCodes: { '503': 1 },
    base: 0.005,
    incident: 0.2,
    incidentHours: 3,
  },
];

function history(): string {
  const lines: string[] = [];
  for (const service of services) {
    lines.push(service.family);
    const codes = { '200': -1, ...service.errorCodes };
    for (const [code, share] of Object.entries(codes)) {
      let counter = 0;
      for (let t = start; t <= end; t += MINUTE) {
        if (t > start) {
          const { rate, errorRatio } = traffic(t, service);
          counter +=
            rate * MINUTE * (share < 0 ? 1 - errorRatio : errorRatio * share);
        }
        lines.push(
          `${service.metric}{job="${service.job}",code="${code}"} ${counter} ${t}`,
        );
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
}
interface RuleGroup {
  name: string;
  interval?: string;
  rules: Rule[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const reads = (rule: Rule, record: string) =>
  new RegExp(`(?<![\\w:])${escape(record)}(?![\\w:])`).test(rule.expr);

/**
 * Records every recording rule of the groups with the real Prometheus, each
 * after the rules it reads, from as far back as any rule reads it (Sloth's
 * 30-day rule averages 30 days of the 5-minute one) to `until`.
 */
async function recordRules(
  prometheus: PrometheusTestServer,
  groups: RuleGroup[],
  until: number,
) {
  const records = groups.flatMap(g => g.rules.filter(r => r.record));
  const level = new Map<Rule, number>();
  const levelOf = (rule: Rule): number => {
    if (!level.has(rule)) {
      const dependencies = records.filter(
        other => other !== rule && reads(rule, other.record!),
      );
      level.set(rule, 1 + Math.max(-1, ...dependencies.map(levelOf)));
    }
    return level.get(rule)!;
  };
  const lookBack = (rule: Rule) =>
    Math.max(
      0,
      ...records.flatMap(other =>
        [
          ...other.expr.matchAll(
            new RegExp(
              `${escape(rule.record!)}(?:\\{[^}]*\\})?\\[(\\w+)\\]`,
              'g',
            ),
          ),
        ].map(match => parseDuration(match[1]) ?? 0),
      ),
    );
  const levels = Math.max(...records.map(levelOf));
  for (let current = 0; current <= levels; current++) {
    const batches = new Map<number, RuleGroup[]>();
    for (const group of groups) {
      for (const rule of group.rules.filter(
        r => r.record && levelOf(r) === current,
      )) {
        const from = until - lookBack(rule) - 10 * MINUTE;
        const batch = batches.get(from) ?? [];
        let target = batch.find(g => g.name === group.name);
        if (!target) {
          target = { ...group, rules: [] };
          batch.push(target);
        }
        target.rules.push(rule);
        batches.set(from, batch);
      }
    }
    for (const [from, batch] of batches) {
      await prometheus.recordRules(
        stringify({ groups: batch }),
        new Date(from * 1000),
        new Date(until * 1000),
      );
    }
  }
}

const slothRules: RuleGroup[] = parseAllDocuments(
  fixture('sloth/k8s-getting-started.gen.yml'),
)
  .map(doc => doc.toJS())
  .find(doc => doc?.kind === 'PrometheusRule').spec.groups;
const pyrraRules: RuleGroup[] = parseYaml(
  fixture('pyrra/monitoring-http-errors.rules.yaml'),
).groups;

let prometheus: PrometheusTestServer;
let client: PrometheusClient;
beforeAll(async () => {
  prometheus = await PrometheusTestServer.start(history());
  await recordRules(prometheus, [...slothRules, ...pyrraRules], end);
  client = readPrometheusClient(
    new ConfigReader({ homelab: { prometheus: { url: prometheus.url } } }),
  )!;
});
afterAll(() => prometheus?.stop());

/** The one value of a query at a time (seconds). */
async function valueAt(query: string, time: number): Promise<number> {
  const samples = await client.query(query, new Date(time * 1000));
  expect(samples).toHaveLength(1);
  return samples[0].value;
}

/** When the latest sample of a recorded series at `time` was recorded. */
const recordedAt = (series: string, time: number) =>
  valueAt(`max(timestamp(${series}))`, time);

/** Whether an alert's expression of the tool's own rules fires at a time. */
async function fires(alertExpr: string, time: number): Promise<boolean> {
  return (await client.query(alertExpr, new Date(time * 1000))).length > 0;
}

async function ourStatus(slos: Parameters<typeof evaluateSlos>[0], at: number) {
  const { statuses } = await evaluateSlos(slos, client, new Date(at * 1000));
  return [...statuses.values()][0] as Omit<SloStatus, 'slo'>;
}

describe('Sloth: its own recording rules against our evaluation', () => {
  const object = parseAllDocuments(fixture('sloth/k8s-getting-started.yml'))
    .map(doc => doc.toJS())
    .find(doc => doc?.kind === 'PrometheusServiceLevel') as SlothServiceLevel;
  const { slos } = parseSlothServiceLevel(object, 'lab');
  const id =
    'sloth_id="myservice-requests-availability", sloth_service="myservice", sloth_slo="requests-availability"';

  it('reads the SLO as one that averages 5-minute ratios over 30 days', () => {
    expect(slos).toHaveLength(1);
    expect(slos[0]).toMatchObject({
      objective: 0.999,
      periodSeconds: 30 * DAY,
      periodErrorRatio: 'mean-of-5m-ratios',
    });
  });

  it('SLI, budget left, burn rates and alerts equal what its rules record', async () => {
    const budgetAt = await recordedAt(
      `slo:period_error_budget_remaining:ratio{${id}}`,
      end,
    );
    // The 30-day SLI that the budget was computed from, and our evaluation then.
    const at = await recordedAt(`slo:sli_error:ratio_rate30d{${id}}`, budgetAt);
    const ours = await ourStatus(slos, at);

    const sloth30d = await valueAt(`slo:sli_error:ratio_rate30d{${id}}`, at);
    expect(ours.sli).toBeCloseTo(1 - sloth30d, 4);
    expect(ours.errorBudgetRemaining).toBeCloseTo(
      await valueAt(`slo:period_error_budget_remaining:ratio{${id}}`, budgetAt),
      4,
    );
    // The budget is where the definitions part: the ratio of all events
    // over 30 days leaves a budget that differs from Sloth's in the 1st decimal.
    const byEvents = await valueAt(
      slos[0].errorRatioQuery.split('{{.window}}').join('30d'),
      at,
    );
    expect(
      Math.abs(1 - byEvents / 0.001 - ours.errorBudgetRemaining!),
    ).toBeGreaterThan(0.1);

    const budget = await valueAt(`slo:error_budget:ratio{${id}}`, at);
    const alertRules = slothRules.flatMap(g => g.rules.filter(r => r.alert));
    for (const alert of ours.burnRates) {
      for (const [window, burnRate] of [
        [alert.longWindow, alert.longBurnRate],
        [alert.shortWindow, alert.shortBurnRate],
      ] as const) {
        const recorded = await valueAt(
          `slo:sli_error:ratio_rate${window}{${id}}`,
          at,
        );
        expect(burnRate).toBeCloseTo(recorded / budget, 4);
      }
    }
    // Two days of 0.2% errors burn at 2: Sloth's ticket alert fires (6 h
    // and 3 d above 1), its page alert does not.
    const [page, ticket] = alertRules.map(rule => rule.expr);
    const severities = (severity: string) =>
      ours.burnRates.filter(r => r.severity === severity);
    expect(await fires(page, at)).toBe(
      severities('page').some(r => r.firing === true),
    );
    expect(await fires(ticket, at)).toBe(
      severities('ticket').some(r => r.firing === true),
    );
    expect(ours.alert).toBe('ticket');
  });
});

describe('Pyrra: its own recording rules and API queries against our evaluation', () => {
  const object = parseYaml(
    fixture('pyrra/monitoring-http-errors.yaml'),
  ) as PyrraObjective;
  const { slos } = parsePyrraObjective(object, 'lab');
  const slo = 'slo="monitoring-http-errors"';
  const { errorBudget } = parseYaml(
    fixture('pyrra/monitoring-http-errors.queries.yaml'),
  );

  it('availability and error budget equal its rules and its API query', async () => {
    const availabilityAt = await recordedAt(`pyrra_availability{${slo}}`, end);
    const at = await recordedAt(
      `http_requests:increase4w{${slo}}`,
      availabilityAt,
    );
    const ours = await ourStatus(slos, at);
    expect(slos[0]).toMatchObject({
      objective: 0.99,
      periodSeconds: 28 * DAY,
      periodErrorRatio: 'events',
    });
    expect(ours.sli).toBeCloseTo(
      await valueAt(`pyrra_availability{${slo}}`, availabilityAt),
      4,
    );
    expect(ours.errorBudgetRemaining).toBeCloseTo(
      await valueAt(errorBudget, availabilityAt),
      4,
    );
  });

  it('has its alerts: windows, factors, burn rates and firing', async () => {
    const at = await recordedAt(`http_requests:burnrate5m{${slo}}`, end);
    const ours = await ourStatus(slos, at);
    const alertRules = pyrraRules.flatMap(g =>
      g.rules.filter(r => r.alert === 'ErrorBudgetBurn'),
    ) as Array<Rule & { labels: Record<string, string> }>;
    expect(
      ours.burnRates.map(r => [
        r.severity,
        r.longWindow,
        r.shortWindow,
        r.threshold,
      ]),
    ).toEqual(
      alertRules.map(rule => [
        rule.labels.severity === 'critical' ? 'page' : 'ticket',
        rule.labels.long,
        rule.labels.short,
        Number(rule.expr.match(/> \((\d+) \*/)![1]),
      ]),
    );
    for (const [i, alert] of ours.burnRates.entries()) {
      for (const [window, burnRate] of [
        [alert.longWindow, alert.longBurnRate],
        [alert.shortWindow, alert.shortBurnRate],
      ] as const) {
        const recorded = await valueAt(
          `http_requests:burnrate${window}{${slo}}`,
          at,
        );
        expect(burnRate).toBeCloseTo(recorded / (1 - 0.99), 4);
      }
      expect(alert.firing).toBe(await fires(alertRules[i].expr, at));
    }
    expect(formatDuration(4 * DAY)).toBe(ours.burnRates[3].longWindow);
  });
});
