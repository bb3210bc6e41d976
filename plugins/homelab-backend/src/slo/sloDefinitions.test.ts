import { alertWindowsOf } from './burnRateAlerts';
import { parsePyrraObjective, parseSlothServiceLevel } from './clusterSlos';
import { parseDuration, formatDuration } from './durations';
import { parseOpenSlo } from './openslo';

describe('parseOpenSlo', () => {
  it('reads ratio SLOs inline or through an SLI of the same file, with Prometheus counters', () => {
    const { slos, problems } = parseOpenSlo(
      `
apiVersion: openslo/v1
kind: SLI
metadata: { name: api-errors }
spec:
  ratioMetric:
    counter: true
    good: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{code!~"5.."}' } } }
    total: { metricSource: { type: Prometheus, spec: { query: http_requests_total } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: api-availability, displayName: API availability }
spec:
  service: api
  indicatorRef: api-errors
  timeWindow: [{ duration: 4w, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ targetPercent: 99.5 }]
---
apiVersion: openslo/v1
kind: Service
metadata: { name: api }
`,
      'slos.yaml',
    );
    expect(problems).toEqual([]);
    expect(slos).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        name: 'api-availability',
        displayName: 'API availability',
        service: 'api',
        objective: 0.995,
        periodSeconds: 28 * 86400,
        source: 'openslo',
        origin: 'slos.yaml',
        errorRatioQuery:
          '(1 - sum(rate(http_requests_total{code!~"5.."}[{{.window}}])) / sum(rate(http_requests_total[{{.window}}])))',
        eventsQuery: 'sum(increase(http_requests_total[{{.window}}]))',
      },
    ]);
  });

  it('reports each SLO it cannot evaluate with the reason, rather than guessing', () => {
    const slo = (name: string, spec: string) => `
apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name} }
spec:
${spec}
---`;
    const window = '  timeWindow: [{ duration: 30d, isRolling: true }]';
    const ratio =
      '  indicator: { spec: { ratioMetric: { counter: true, bad: { metricSource: { type: Prometheus, spec: { query: errors_total } } }, total: { metricSource: { type: Prometheus, spec: { query: requests_total } } } } } }';
    const { slos, problems } = parseOpenSlo(
      [
        slo('no-indicator', `${window}\n  objectives: [{ target: 0.99 }]`),
        slo(
          'missing-ref',
          `  indicatorRef: nowhere\n${window}\n  objectives: [{ target: 0.99 }]`,
        ),
        slo(
          'timeslices',
          `${ratio}\n  budgetingMethod: Timeslices\n${window}\n  objectives: [{ target: 0.99 }]`,
        ),
        slo(
          'calendar',
          `${ratio}\n  timeWindow: [{ duration: 1M, isRolling: false }]\n  objectives: [{ target: 0.99 }]`,
        ),
        slo('target', `${ratio}\n${window}\n  objectives: [{ target: 99 }]`),
        slo(
          'datadog',
          `  indicator: { spec: { ratioMetric: { counter: true, bad: { metricSource: { type: Datadog, spec: { query: x } } }, total: { metricSource: { type: Datadog, spec: { query: y } } } } } }\n${window}\n  objectives: [{ target: 0.99 }]`,
        ),
      ].join('\n'),
      'bad.yaml',
    );
    expect(slos).toEqual([]);
    expect(problems.map(p => `${p.name}: ${p.message}`)).toEqual([
      'no-indicator: it has no ratio-metric indicator',
      'missing-ref: its indicator "nowhere" is not defined in the same file',
      'timeslices: budgeting method Timeslices is not supported; use Occurrences',
      'calendar: it needs one rolling timeWindow with a duration like 30d',
      'target: it needs an objective with a target between 0 and 1 (or targetPercent)',
      'datadog: its ratio metric needs Prometheus queries for total and for good or bad events',
    ]);
  });
});

describe('Sloth and Pyrra objects', () => {
  it('read Sloth events and raw SLIs, in the camelCase of its CRD', () => {
    const { slos, problems } = parseSlothServiceLevel(
      {
        metadata: { name: 'traefik', namespace: 'monitoring' },
        spec: {
          service: 'traefik',
          slos: [
            {
              name: 'availability',
              objective: 99.9,
              sli: {
                events: {
                  errorQuery: 'sum(rate(errors_total[{{.window}}]))',
                  totalQuery: 'sum(rate(requests_total[{{.window}}]))',
                },
              },
            },
            {
              name: 'raw',
              objective: 99,
              sli: { raw: { errorRatioQuery: 'error_ratio:rate{{.window}}' } },
            },
            { name: 'broken', objective: 150, sli: {} },
          ],
        },
      },
      'production',
    );
    expect(
      slos.map(s => [
        s.name,
        s.objective,
        s.periodSeconds,
        s.origin,
        s.errorRatioQuery,
        s.eventsQuery,
      ]),
    ).toEqual([
      [
        'availability',
        0.999,
        30 * 86400,
        'production:PrometheusServiceLevel/monitoring/traefik',
        '(sum(sum(rate(errors_total[{{.window}}]))) / sum(sum(rate(requests_total[{{.window}}]))))',
        // Its total is a rate: the events are the rate over the window's seconds.
        '(sum(sum(rate(requests_total[{{.window}}]))) * {{.windowSeconds}})',
      ],
      [
        'raw',
        0.99,
        30 * 86400,
        'production:PrometheusServiceLevel/monitoring/traefik',
        '(avg(error_ratio:rate{{.window}}))',
        // A raw error ratio does not count events.
        undefined,
      ],
    ]);
    expect(problems).toEqual([
      {
        origin: 'production:PrometheusServiceLevel/monitoring/traefik',
        name: 'broken',
        message:
          'it needs an events or raw SLI and an objective between 0 and 100',
      },
    ]);
  });

  it("compute the period's SLI as Sloth's rules do: averaged 5-minute ratios, unless its SLI rules plugin is told not to", () => {
    const events = {
      errorQuery: 'sum(rate(errors_total[{{.window}}]))',
      totalQuery: 'sum(rate(requests_total[{{.window}}]))',
    };
    const unoptimized = {
      chain: [
        {
          id: 'sloth.dev/core/sli_rules/v1',
          config: { disableOptimized: true },
        },
      ],
    };
    const read = (spec: Parameters<typeof parseSlothServiceLevel>[0]['spec']) =>
      parseSlothServiceLevel(
        { metadata: { name: 'api' }, spec },
        'lab',
      ).slos.map(s => [s.name, s.periodErrorRatio]);
    expect(
      read({
        service: 'api',
        slos: [
          { name: 'default', objective: 99, sli: { events } },
          {
            name: 'own-plugins',
            objective: 99,
            plugins: unoptimized,
            sli: { events },
          },
        ],
      }),
    ).toEqual([
      ['default', 'mean-of-5m-ratios'],
      ['own-plugins', 'events'],
    ]);
    expect(
      read({
        service: 'api',
        sloPlugins: unoptimized,
        slos: [{ name: 'all', objective: 99, sli: { events } }],
      }),
    ).toEqual([['all', 'events']]);
  });

  it("alert on Pyrra's objectives with Pyrra's windows and factors, scaled to their window", () => {
    const alerts = (window: string) =>
      alertWindowsOf({
        source: 'pyrra',
        periodSeconds: parseDuration(window)!,
      }).map(a => [
        a.severity,
        formatDuration(a.longWindow),
        formatDuration(a.shortWindow),
        a.threshold,
      ]);
    // pyrra-dev/pyrra slo/rules_test.go: Test_windows (28 days), and the
    // windows of its 1-week and 2-week objectives' burn-rate rules.
    expect(alerts('4w')).toEqual([
      ['page', '1h', '5m', 14],
      ['page', '6h', '30m', 7],
      ['ticket', '1d', '2h', 2],
      ['ticket', '4d', '6h', 1],
    ]);
    expect(alerts('1w')).toEqual([
      ['page', '15m', '1m', 14],
      ['page', '1h30m', '8m', 7],
      ['ticket', '6h', '30m', 2],
      ['ticket', '1d', '1h30m', 1],
    ]);
    expect(alerts('2w')).toEqual([
      ['page', '30m', '3m', 14],
      ['page', '3h', '15m', 7],
      ['ticket', '12h', '1h', 2],
      ['ticket', '2d', '3h', 1],
    ]);
    // Sloth's (the SRE workbook's) for the others, thresholds scaled to the period.
    expect(
      alertWindowsOf({ source: 'sloth', periodSeconds: 30 * 86400 }).map(a => [
        formatDuration(a.longWindow),
        a.threshold,
      ]),
    ).toEqual([
      ['1h', expect.closeTo(14.4, 9)],
      ['6h', expect.closeTo(6, 9)],
      ['1d', expect.closeTo(3, 9)],
      ['3d', expect.closeTo(1, 9)],
    ]);
  });

  it('read Pyrra ratio and latency indicators with their window', () => {
    const ratio = parsePyrraObjective(
      {
        metadata: {
          name: 'grafana-http-errors',
          namespace: 'monitoring',
          labels: { 'app.kubernetes.io/name': 'grafana' },
        },
        spec: {
          target: '99',
          window: '28d',
          indicator: {
            ratio: {
              errors: { metric: 'http_total{code=~"5.."}' },
              total: { metric: 'http_total' },
            },
          },
        },
      },
      'staging',
    );
    expect(ratio.slos[0]).toMatchObject({
      service: 'grafana',
      objective: 0.99,
      periodSeconds: 28 * 86400,
      source: 'pyrra',
      errorRatioQuery:
        '(sum(rate(http_total{code=~"5.."}[{{.window}}])) / sum(rate(http_total[{{.window}}])))',
      eventsQuery: 'sum(increase(http_total[{{.window}}]))',
    });
    const latency = parsePyrraObjective(
      {
        metadata: { name: 'api-latency' },
        spec: {
          target: '95',
          window: '2w',
          indicator: {
            latency: {
              success: { metric: 'duration_bucket{le="0.5"}' },
              total: { metric: 'duration_count' },
            },
          },
        },
      },
      'staging',
    );
    expect(latency.slos[0].errorRatioQuery).toBe(
      '(1 - sum(rate(duration_bucket{le="0.5"}[{{.window}}])) / sum(rate(duration_count[{{.window}}])))',
    );
    expect(latency.slos[0].eventsQuery).toBe(
      'sum(increase(duration_count[{{.window}}]))',
    );
    expect(
      parsePyrraObjective(
        { metadata: { name: 'x' }, spec: { target: '99', window: 'a month' } },
        'staging',
      ).problems,
    ).toHaveLength(1);
  });
});

describe('durations', () => {
  it('parse and format Prometheus durations', () => {
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('4w')).toBe(28 * 86400);
    expect(parseDuration('30 days')).toBeUndefined();
    expect(formatDuration(259200)).toBe('3d');
    expect(formatDuration(1800)).toBe('30m');
    expect(formatDuration(90)).toBe('1m30s');
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(28 * 86400)).toBe('4w');
    expect(formatDuration(30 * 86400)).toBe('30d');
  });
});
