import {
  BurnRateAlert,
  SloDefinition,
  SloSeriesPoint,
  SloStatus,
} from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import {
  BURN_RATE_ALERTS,
  BURN_RATE_WINDOWS,
  burnRate,
  burnRateThreshold,
  errorBudgetRemaining,
} from './burnRateAlerts';
import { formatDuration } from './durations';
import { WINDOW_PLACEHOLDER } from './SloSpec';

/** The label that tells the SLOs of a batched query apart. */
const SLO_LABEL = 'homelab_slo';
/** Points of the history each SLO's chart gets. */
const SERIES_POINTS = 60;

/**
 * One PromQL expression giving the error ratio of every SLO over a window,
 * each tagged with its id: `label_replace(<ratio of A>, "homelab_slo", "A",
 * "", "") or ...`. One query per window, whatever the number of SLOs.
 */
function batchedErrorRatios(
  slos: SloDefinition[],
  windowSeconds: number,
): string {
  const window = formatDuration(windowSeconds);
  return slos
    .map(
      slo =>
        `label_replace(${slo.errorRatioQuery
          .split(WINDOW_PLACEHOLDER)
          .join(window)}, "${SLO_LABEL}", "${slo.id}", "", "")`,
    )
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

/** What Prometheus answered for a set of SLOs at one time. */
interface SloMeasurements {
  /** Error ratios over each burn-rate window, by window in seconds. */
  byWindow: Map<number, Ratios>;
  /** Error ratios over each SLO's own period. */
  overPeriod: Ratios;
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
 * burn-rate window for all SLOs, and per distinct period one query for the
 * ratio over it and one range query for its history.
 */
async function measureSlos(
  slos: SloDefinition[],
  prometheus: PrometheusClient,
  at: Date,
): Promise<SloMeasurements> {
  const measured: SloMeasurements = {
    byWindow: new Map(),
    overPeriod: new Map(),
    series: new Map(),
    queries: 0,
  };
  const ratiosOver = async (
    windowSeconds: number,
    members: SloDefinition[],
  ) => {
    measured.queries++;
    const samples = await prometheus.query(
      batchedErrorRatios(members, windowSeconds),
      at,
    );
    const byId = new Map(
      samples.map(sample => [sample.labels[SLO_LABEL], sample.value]),
    );
    return new Map(
      members.map(slo => [slo.id, ratioOrNull(byId.get(slo.id))] as const),
    );
  };
  const historyOver = async (period: number, members: SloDefinition[]) => {
    measured.queries++;
    const step = Math.max(60, Math.floor(period / SERIES_POINTS));
    const start = new Date(at.getTime() - (period - step) * 1000);
    const ranges = await prometheus.queryRange(
      batchedErrorRatios(members, period),
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
  for (const slo of slos)
    byPeriod.set(slo.periodSeconds, [
      ...(byPeriod.get(slo.periodSeconds) ?? []),
      slo,
    ]);
  if (slos.length === 0) return measured;
  await Promise.all([
    ...BURN_RATE_WINDOWS.map(async window =>
      measured.byWindow.set(window, await ratiosOver(window, slos)),
    ),
    ...[...byPeriod].map(async ([period, members]) => {
      for (const [id, ratio] of await ratiosOver(period, members))
        measured.overPeriod.set(id, ratio);
    }),
    ...[...byPeriod].map(([period, members]) => historyOver(period, members)),
  ]);
  return measured;
}

/** Each multi-window alert of an SLO: both burn rates, the threshold, and whether it fires. */
function burnRateAlertsOf(
  slo: SloDefinition,
  byWindow: Map<number, Ratios>,
): BurnRateAlert[] {
  return BURN_RATE_ALERTS.map(alert => {
    const threshold = burnRateThreshold(
      alert.budgetFraction,
      slo.periodSeconds,
      alert.longWindow,
    );
    const longBurnRate = burnRate(
      byWindow.get(alert.longWindow)?.get(slo.id) ?? null,
      slo.objective,
    );
    const shortBurnRate = burnRate(
      byWindow.get(alert.shortWindow)?.get(slo.id) ?? null,
      slo.objective,
    );
    return {
      severity: alert.severity,
      longWindow: formatDuration(alert.longWindow),
      shortWindow: formatDuration(alert.shortWindow),
      budgetFraction: alert.budgetFraction,
      threshold,
      longBurnRate,
      shortBurnRate,
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
): Omit<SloStatus, 'slo'> {
  const periodRatio = measured.overPeriod.get(slo.id) ?? null;
  const burnRates = burnRateAlertsOf(slo, measured.byWindow);
  const budget = errorBudgetRemaining(periodRatio, slo.objective);
  let alert: SloStatus['alert'] = null;
  if (burnRates.some(r => r.firing === true && r.severity === 'page'))
    alert = 'page';
  else if (burnRates.some(r => r.firing === true)) alert = 'ticket';
  else if (periodRatio !== null) alert = 'none';

  let state: SloStatus['state'] = 'ok';
  if (periodRatio === null) state = 'no-data';
  else if (alert === 'page' || (budget !== null && budget <= 0))
    state = 'breaching';
  else if (alert === 'ticket') state = 'warning';

  return {
    state,
    evaluatedAt: at.toISOString(),
    sli: periodRatio === null ? null : 1 - periodRatio,
    errorBudgetRemaining: budget,
    burnRates,
    alert,
    series: measured.series.get(slo.id) ?? [],
  };
}

/**
 * Evaluates SLOs at `at`: the SLI and error budget over each SLO's period,
 * the burn rate of every alert window with its alert state, and the rolling
 * history of the period for charts. Prometheus errors propagate; the caller
 * keeps the last good evaluation and marks it stale.
 */
export async function evaluateSlos(
  slos: SloDefinition[],
  prometheus: PrometheusClient,
  at: Date,
): Promise<SloEvaluation> {
  const measured = await measureSlos(slos, prometheus, at);
  return {
    statuses: new Map(slos.map(slo => [slo.id, sloStatus(slo, measured, at)])),
    queries: measured.queries,
  };
}
