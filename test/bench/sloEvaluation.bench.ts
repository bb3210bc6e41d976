/*
 * Evaluation of 200 SLOs (HOMELAB_BENCH_SLOS to change) against a real
 * Prometheus (Debian's package) holding 31 days of request counters for 20
 * services: five-minute samples for the last three days, half-hourly before.
 *
 * 1. batched: evaluateSlos as the SLO collector runs it, a fixed number of
 *    queries whatever the number of SLOs (median of 3);
 * 2. one SLO at a time: the same evaluation per SLO, 8 at once, as a plugin
 *    that queried each SLO separately would.
 */
import { ConfigReader } from '@backstage/config';
import { readPrometheusClient } from '@homelab/plugin-homelab-node';
import { PrometheusTestServer } from '@homelab/plugin-homelab-node/testUtils';
import { evaluateSlos } from '../../plugins/homelab-backend/src/slo/evaluateSlos';
import { parseOpenSlo } from '../../plugins/homelab-backend/src/slo/openslo';
import { median, reportResult, round, runBenchmark, timed } from './lib/report';

const SLOS = Number(process.env.HOMELAB_BENCH_SLOS ?? 200);
const SERVICES = 20;
const OBJECTIVES = Math.ceil(SLOS / SERVICES);
const HOUR = 3600;
const DAY = 24 * HOUR;
const end = Math.floor(Date.now() / 1000 / 300) * 300 - 6 * HOUR;
const start = end - 31 * DAY;

function history(): string {
  const times: number[] = [];
  for (let t = start; t <= end; t += t < end - 3 * DAY ? 1800 : 300)
    times.push(t);
  const lines: string[] = [];
  for (const family of ['requests', 'errors'] as const) {
    lines.push(`# TYPE bench_${family} counter`);
    for (let s = 0; s < SERVICES; s++) {
      const rate = 5 + s;
      const errorRatio = 0.0002 * (1 + (s % 7));
      let counter = 0;
      let previous = start;
      for (const t of times) {
        counter +=
          rate * (t - previous) * (family === 'requests' ? 1 : errorRatio);
        previous = t;
        lines.push(`bench_${family}_total{service="svc-${s}"} ${counter} ${t}`);
      }
    }
  }
  return [...lines, '# EOF', ''].join('\n');
}

function definitions() {
  const documents: string[] = [];
  for (let s = 0; s < SERVICES; s++) {
    for (let o = 0; o < OBJECTIVES && documents.length < SLOS; o++) {
      documents.push(`
apiVersion: openslo/v1
kind: SLO
metadata: { name: svc-${s}-objective-${o} }
spec:
  service: svc-${s}
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: ${(0.99 + 0.0009 * o).toFixed(4)} }]
  indicator:
    spec:
      ratioMetric:
        counter: true
        bad: { metricSource: { type: Prometheus, spec: { query: 'bench_errors_total{service="svc-${s}"}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'bench_requests_total{service="svc-${s}"}' } } }
`);
    }
  }
  const { slos, problems } = parseOpenSlo(
    documents.join('---\n'),
    'bench.yaml',
  );
  if (problems.length) throw new Error(JSON.stringify(problems));
  return slos;
}

async function main() {
  const startup = await timed(() => PrometheusTestServer.start(history()));
  const prometheus = startup.value;
  try {
    const client = readPrometheusClient(
      new ConfigReader({
        homelab: {
          prometheus: { url: prometheus.url, requestTimeoutMs: 120_000 },
        },
      }),
    )!;
    const slos = definitions();
    const at = new Date(end * 1000);
    const batched = [];
    for (let run = 0; run < 3; run++)
      batched.push(await timed(() => evaluateSlos(slos, client, at)));
    const states = [...batched[0].value.statuses.values()].map(s => s.state);
    if (states.some(state => state === 'no-data'))
      throw new Error('an SLO has no data');

    const separately = await timed(async () => {
      let queries = 0;
      const queue = [...slos];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let slo = queue.shift(); slo; slo = queue.shift()) {
            const evaluation = await evaluateSlos([slo], client, at);
            queries += evaluation.queries;
          }
        }),
      );
      return queries;
    });

    reportResult(`evaluation of ${SLOS} SLOs against a real Prometheus`, {
      slos: slos.length,
      'Prometheus start with backfilled history ms': round(startup.ms),
      'batched queries': batched[0].value.queries,
      'batched ms (median of 3)': round(median(batched.map(r => r.ms))),
      'one SLO at a time queries': separately.value,
      'one SLO at a time ms (8 in parallel)': round(separately.ms),
      states: [...new Set(states)].sort().join(' '),
    });
  } finally {
    await prometheus.stop();
  }
}

runBenchmark(main);
