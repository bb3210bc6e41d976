import { demoCapacityHistory } from './demoCapacityHistory';
import { demoPowerHistory } from './demoPowerHistory';

/**
 * The request history behind the example homelab's SLOs, as OpenMetrics for
 * promtool to backfill: Traefik's request counters over 31 days ending at
 * {@link DEMO_END}, every five minutes. What it tells:
 *
 * - home-assistant: 2 req/s with 0.1% errors: 80% of a 99.5% budget left;
 * - nextcloud: 5 req/s with 0.05% errors and a 12-hour incident at 5%
 *   errors two and a half days ago: a 99.9% budget overspent, no alert now;
 * - vaultwarden: 1 req/s with 0.02% errors, 0.5% in the last 30 hours: the
 *   ticket alerts fire;
 * - Flux's webhook receiver (a Sloth SLO of the flux platform service): three
 *   GitHub pushes a day, one of the last day's failing: 90 requests in 30
 *   days, 1.1% errors against a 99% objective, too few to judge under the
 *   demo's homelab.slos.minimumEvents of 100;
 * - the websecure entrypoint (Sloth's traefik SLO): all of the above plus
 *   12 req/s of other traffic;
 * - nothing for Grafana, so staging's Pyrra SLO has no data.
 * Then the power and CPU history of {@link demoPowerHistory}, and the memory
 * and disk history of {@link demoCapacityHistory}.
 */

/** When the recorded answers were evaluated: 2026-11-22T06:00:00Z. */
export const DEMO_END = 1795327200;

const STEP = 300;
const HOUR = 3600;
const DAY = 24 * HOUR;

interface Traffic {
  service: string;
  rate: number;
  errorRatio: (t: number) => number;
}

const SERVICES: Traffic[] = [
  {
    service: 'home-assistant-home-assistant-8123@kubernetes',
    rate: 2,
    errorRatio: () => 0.001,
  },
  {
    service: 'nextcloud-nextcloud-8080@kubernetes',
    rate: 5,
    errorRatio: t =>
      t > DEMO_END - 2 * DAY - 24 * HOUR && t <= DEMO_END - 2 * DAY - 12 * HOUR
        ? 0.05
        : 0.0005,
  },
  {
    service: 'vaultwarden-vaultwarden-80@kubernetes',
    rate: 1,
    errorRatio: t => (t > DEMO_END - 30 * HOUR ? 0.005 : 0.0002),
  },
  {
    service: 'flux-system-webhook-receiver-80@kubernetes',
    rate: 3 / DAY,
    errorRatio: t => (t > DEMO_END - DAY ? 1 / 3 : 0),
  },
];
const OTHER_RATE = 12;
/** Share of each service's requests answered 404: counted, but not errors. */
const NOT_FOUND_RATIO = 0.01;

type Counts = { '200': number; '404': number; '502': number };

/** Each series' samples stay together, as OpenMetrics requires. */
function counterLines(
  metric: string,
  labels: string,
  points: Array<{ t: number; counts: Counts }>,
): string[] {
  return (['200', '404', '502'] as const).flatMap(code =>
    points.map(
      ({ t, counts }) =>
        `${metric}{${labels},code="${code}",method="GET",protocol="http"} ${counts[code]} ${t}`,
    ),
  );
}

export function demoPrometheusHistory(): string {
  const start = DEMO_END - 31 * DAY;
  const services = SERVICES.map(() => ({ '200': 0, '404': 0, '502': 0 }));
  const entrypoint = { '200': 0, '404': 0, '502': 0 };
  const servicePoints = SERVICES.map(
    () => [] as Array<{ t: number; counts: Counts }>,
  );
  const entrypointPoints: Array<{ t: number; counts: Counts }> = [];
  for (let t = start; t <= DEMO_END; t += STEP) {
    if (t > start) {
      entrypoint['200'] += OTHER_RATE * STEP;
      SERVICES.forEach((traffic, i) => {
        const requests = traffic.rate * STEP;
        const errors = requests * traffic.errorRatio(t);
        const notFound = requests * NOT_FOUND_RATIO;
        for (const counts of [services[i], entrypoint]) {
          counts['502'] += errors;
          counts['404'] += notFound;
          counts['200'] += requests - errors - notFound;
        }
      });
    }
    SERVICES.forEach((_, i) =>
      servicePoints[i].push({ t, counts: { ...services[i] } }),
    );
    entrypointPoints.push({ t, counts: { ...entrypoint } });
  }
  return [
    '# TYPE traefik_service_requests counter',
    ...SERVICES.flatMap((traffic, i) =>
      counterLines(
        'traefik_service_requests_total',
        `service="${traffic.service}"`,
        servicePoints[i],
      ),
    ),
    '# TYPE traefik_entrypoint_requests counter',
    ...counterLines(
      'traefik_entrypoint_requests_total',
      'entrypoint="websecure"',
      entrypointPoints,
    ),
    ...demoPowerHistory(start, DEMO_END),
    ...demoCapacityHistory(start, DEMO_END),
    '# EOF',
    '',
  ].join('\n');
}
