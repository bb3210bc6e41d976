import {
  BurnRateAlert,
  SloDefinition,
  SloSeriesPoint,
  SloStatus,
} from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import {
  alertWindowsOf,
  burnRate,
  errorBudgetRemaining,
} from './burnRateAlerts';
import { formatDuration } from './durations';
import { WINDOW_PLACEHOLDER, WINDOW_SECONDS_PLACEHOLDER } from './SloSpec';

/** The label that tells the SLOs of a batched query apart. */
const SLO_LABEL = 'homelab_slo';
/** The label that tells an SLO's events from its error ratio in a batched query. */
const VALUE_LABEL = 'homelab_value';
/** Points of the history each SLO's chart gets. */
const SERIES_POINTS = 60;

/** The window of the error ratios Sloth averages over the period. */
const SLOTH_SHORT_WINDOW = 300;
/**
 * How often Sloth's 5-minute ratio is taken: its rules are evaluated at
 * Prometheus's evaluation interval, one minute unless configured.
 */
const SLOTH_EVALUATION_INTERVAL = '1m';

/** An SLO's query with its window (and the window's seconds) filled in. */
function inWindow(query: string, windowSeconds: number): string {
  return query
    .split(WINDOW_PLACEHOLDER)
    .join(formatDuration(windowSeconds))
    .split(WINDOW_SECONDS_PLACEHOLDER)
    .join(String(windowSeconds));
}

/**
 * An SLO's error ratio over a window. Over its whole period, an SLO whose
 * tool averages short ratios gets that average, as a subquery:
 * `avg_over_time(<5m ratio>[30d:1m])` equals Sloth's
 * `sum_over_time(slo:sli_error:ratio_rate5m[30d]) / count_over_time(...)`.
 */
function errorRatioOver(
  slo: SloDefinition,
  windowSeconds: number,
  overPeriod: boolean,
): string {
  if (overPeriod && slo.periodErrorRatio === 'mean-of-5m-ratios') {
    return `avg_over_time(${inWindow(
      slo.errorRatioQuery,
      SLOTH_SHORT_WINDOW,
    )}[${formatDuration(windowSeconds)}:${SLOTH_EVALUATION_INTERVAL}])`;
  }
  return inWindow(slo.errorRatioQuery, windowSeconds);
}

/**
 * One PromQL expression giving the error ratio of every SLO over a window,
 * each tagged with its id: `label_replace(<ratio of A>, "homelab_slo", "A",
 * "", "") or ...`. One query per window, whatever the number of SLOs.
 */
function batchedErrorRatios(
  slos: SloDefinition[],
  windowSeconds: number,
  options: { withEvents?: boolean; overPeriod?: boolean } = {},
): string {
  return slos
    .flatMap(slo => {
      const ratio = `label_replace(${errorRatioOver(
        slo,
        windowSeconds,
        options.overPeriod === true,
      )}, "${SLO_LABEL}", "${slo.id}", "", "")`;
      if (!options.withEvents || !slo.eventsQuery) return [ratio];
      // Its events, told apart by a second label: `or` keeps both.
      return [
        ratio,
        `label_replace(label_replace(${inWindow(
          slo.eventsQuery,
          windowSeconds,
        )}, "${SLO_LABEL}", "${
          slo.id
        }", "", ""), "${VALUE_LABEL}", "events", "", "")`,
      ];
    })
    .join(' or ');
}

/** NaN (no events: 0 / 0) and missing samples are no data, not a ratio. */
const ratioOrNull = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) || !Number.isFinite(value)
    ? null
    : value;

interface SloEvaluation {
  statuses: Map<string, Omit<SloStatus, 'slo'>>;
  /** Prometheus requests made, whatever the number of SLOs. */
  queries: number;
}

/** Error ratios by SLO id: null where Prometheus has no data. */
type Ratios = Map<string, number | null>;
/** Events by SLO id: absent where the SLI does not count them or Prometheus has none. */
type Events = Map<string, number>;

/** What Prometheus answered for a set of SLOs at one time. */
interface SloMeasurements {
  /** Error ratios over each burn-rate window, by window in seconds. */
  byWindow: Map<number, Ratios>;
  /** Events in each burn-rate window, by window in seconds. */
  eventsByWindow: Map<number, Events>;
  /** Error ratios over each SLO's own period. */
  overPeriod: Ratios;
  /** Events over each SLO's own period. */
  eventsOverPeriod: Events;
  /** The rolling history of each SLO's period, for charts. */
  series: Map<string, SloSeriesPoint[]>;
  /** Prometheus requests made. */
  queries: number;
}

/** The chart points of one SLO's error ratio series. */
function seriesPoints(
  slo: SloDefinition,
  values: Array<[number, number]>,
): SloSeriesPoint[] {
  return values.map(([time, value]) => {
    const ratio = ratioOrNull(value);
    return {
      time: new Date(time * 1000).toISOString(),
      sli: ratio === null ? null : 1 - ratio,
      errorBudgetRemaining: errorBudgetRemaining(ratio, slo.objective),
    };
  });
}

/**
 * Asks Prometheus for everything the SLOs need, in batches: one query per
 * burn-rate window for all the SLOs whose tool alerts on it (Sloth's and
 * Pyrra's windows differ), and per distinct period one query for the ratio
 * over it and one range query for its history.
 */
async function measureSlos(
  slos: SloDefinition[],
  prometheus: PrometheusClient,
  at: Date,
  withEvents: boolean,
): Promise<SloMeasurements> {
  const measured: SloMeasurements = {
    byWindow: new Map(),
    eventsByWindow: new Map(),
    overPeriod: new Map(),
    eventsOverPeriod: new Map(),
    series: new Map(),
    queries: 0,
  };
  const ratiosOver = async (
    windowSeconds: number,
    members: SloDefinition[],
    overPeriod: boolean,
  ) => {
    measured.queries++;
    const samples = await prometheus.query(
      batchedErrorRatios(members, windowSeconds, { withEvents, overPeriod }),
      at,
    );
    const byId = new Map<string, number>();
    const events: Events = new Map();
    for (const sample of samples) {
      const id = sample.labels[SLO_LABEL];
      if (sample.labels[VALUE_LABEL] !== 'events') byId.set(id, sample.value);
      else if (Number.isFinite(sample.value)) events.set(id, sample.value);
    }
    const ratios: Ratios = new Map(
      members.map(slo => [slo.id, ratioOrNull(byId.get(slo.id))] as const),
    );
    return { ratios, events };
  };
  const historyOver = async (period: number, members: SloDefinition[]) => {
    measured.queries++;
    const step = Math.max(60, Math.floor(period / SERIES_POINTS));
    const start = new Date(at.getTime() - (period - step) * 1000);
    const ranges = await prometheus.queryRange(
      batchedErrorRatios(members, period, { overPeriod: true }),
      start,
      at,
      step,
    );
    for (const range of ranges) {
      const slo = members.find(m => m.id === range.labels[SLO_LABEL]);
      if (slo) measured.series.set(slo.id, seriesPoints(slo, range.values));
    }
  };

  const byPeriod = new Map<number, SloDefinition[]>();
  const byWindow = new Map<number, SloDefinition[]>();
  const add = (
    groups: Map<number, SloDefinition[]>,
    key: number,
    slo: SloDefinition,
  ) => groups.set(key, [...(groups.get(key) ?? []), slo]);
  for (const slo of slos) {
    add(byPeriod, slo.periodSeconds, slo);
    const windows = alertWindowsOf(slo).flatMap(a => [
      a.longWindow,
      a.shortWindow,
    ]);
    for (const window of new Set(windows)) add(byWindow, window, slo);
  }
  if (slos.length === 0) return measured;
  await Promise.all([
    ...[...byWindow].map(async ([window, members]) => {
      const { ratios, events } = await ratiosOver(window, members, false);
      measured.byWindow.set(window, ratios);
      measured.eventsByWindow.set(window, events);
    }),
    ...[...byPeriod].map(async ([period, members]) => {
      const { ratios, events } = await ratiosOver(period, members, true);
      for (const [id, ratio] of ratios) measured.overPeriod.set(id, ratio);
      for (const [id, count] of events)
        measured.eventsOverPeriod.set(id, count);
    }),
    ...[...byPeriod].map(([period, members]) => historyOver(period, members)),
  ]);
  return measured;
}

/** Each multi-window alert of an SLO: both burn rates, the threshold, and whether it fires. */
function burnRateAlertsOf(
  slo: SloDefinition,
  measured: SloMeasurements,
  minimumEvents: number,
): BurnRateAlert[] {
  const counted = minimumEvents > 0 && slo.eventsQuery !== undefined;
  const eventsIn = (window: number) =>
    counted ? measured.eventsByWindow.get(window)?.get(slo.id) ?? 0 : null;
  // A window with too few events has no burn rate: one failure in a
  // handful of requests says nothing about the rate.
  const rateIn = (window: number, events: number | null) =>
    events !== null && events < minimumEvents
      ? null
      : burnRate(
          measured.byWindow.get(window)?.get(slo.id) ?? null,
          slo.objective,
        );
  return alertWindowsOf(slo).map(alert => {
    const threshold = alert.threshold;
    const longEvents = eventsIn(alert.longWindow);
    const shortEvents = eventsIn(alert.shortWindow);
    const longBurnRate = rateIn(alert.longWindow, longEvents);
    const shortBurnRate = rateIn(alert.shortWindow, shortEvents);
    return {
      severity: alert.severity,
      longWindow: formatDuration(alert.longWindow),
      shortWindow: formatDuration(alert.shortWindow),
      budgetFraction: alert.budgetFraction,
      threshold,
      longBurnRate,
      shortBurnRate,
      ...(counted ? { longEvents, shortEvents } : {}),
      firing:
        longBurnRate === null || shortBurnRate === null
          ? null
          : longBurnRate > threshold && shortBurnRate > threshold,
    };
  });
}

/** One SLO's status from what was measured. */
function sloStatus(
  slo: SloDefinition,
  measured: SloMeasurements,
  at: Date,
  minimumEvents: number,
): Omit<SloStatus, 'slo'> {
  const periodRatio = measured.overPeriod.get(slo.id) ?? null;
  const burnRates = burnRateAlertsOf(slo, measured, minimumEvents);
  const counted = minimumEvents > 0 && slo.eventsQuery !== undefined;
  const events = counted ? measured.eventsOverPeriod.get(slo.id) ?? 0 : null;
  const budget = errorBudgetRemaining(periodRatio, slo.objective);
  let alert: SloStatus['alert'] = null;
  if (burnRates.some(r => r.firing === true && r.severity === 'page'))
    alert = 'page';
  else if (burnRates.some(r => r.firing === true)) alert = 'ticket';
  else if (periodRatio !== null) alert = 'none';

  let state: SloStatus['state'] = 'ok';
  if (periodRatio === null) state = 'no-data';
  else if (events !== null && events < minimumEvents) {
    // Too few events to judge the objective: no alert, no breach.
    state = 'not-enough-data';
    alert = null;
  } else if (alert === 'page' || (budget !== null && budget <= 0))
    state = 'breaching';
  else if (alert === 'ticket') state = 'warning';

  return {
    state,
    evaluatedAt: at.toISOString(),
    sli: periodRatio === null ? null : 1 - periodRatio,
    errorBudgetRemaining: budget,
    burnRates,
    alert,
    ...(counted ? { events, minimumEvents } : {}),
    series: measured.series.get(slo.id) ?? [],
  };
}

/**
 * Evaluates SLOs at `at`: the SLI and error budget over each SLO's period,
 * the burn rate of every alert window with its alert state, and the rolling
 * history of the period for charts. With `minimumEvents`, an SLO whose SLI
 * counts events has no burn rate in a window with fewer events, and is
 * not-enough-data over a period with fewer, rather than burning its budget
 * on one failure; the events are asked in the same queries. Prometheus
 * errors propagate; the caller keeps the last good evaluation and marks it
 * stale.
 */
export async function evaluateSlos(
  slos: SloDefinition[],
  prometheus: PrometheusClient,
  at: Date,
  options: { minimumEvents?: number } = {},
): Promise<SloEvaluation> {
  const minimumEvents = options.minimumEvents ?? 0;
  const measured = await measureSlos(slos, prometheus, at, minimumEvents > 0);
  return {
    statuses: new Map(
      slos.map(slo => [slo.id, sloStatus(slo, measured, at, minimumEvents)]),
    ),
    queries: measured.queries,
  };
}
