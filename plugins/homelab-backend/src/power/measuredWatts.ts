import { PrometheusClient } from '@homelab/plugin-homelab-node';
import { INTERVAL_MINUTES, MeasuredSource } from './PowerSettings';
import { PowerTimeline } from './PowerTimeline';

/**
 * The average of a source's watts over each quarter hour, from its value at
 * each of the quarter hour's 15 minutes: a subquery, so that the source may
 * be any expression (a UPS's load times its nominal power) and not only a
 * stored series. Its range is a second short of the quarter hour so that it
 * holds 15 minutes, not 16, both where Prometheus (2.x) includes a range's
 * start and where (3.x) it does not.
 */
export const quarterHourAverage = (source: MeasuredSource) =>
  `avg_over_time((sum(${source.query}))[${INTERVAL_MINUTES - 1}m59s:1m])`;

/** A device's measured draw per interval of the timeline. */
interface MeasuredWatts {
  /** Watts per interval; NaN where the source answered nothing. */
  watts: number[];
  /** Unix seconds when the latest interval with a measurement ends; undefined when none has. */
  latestEnd?: number;
}

/** Reads a source's quarter-hour averages over the timeline's 30 days. */
export async function measuredWatts(
  prometheus: PrometheusClient,
  source: MeasuredSource,
  timeline: PowerTimeline,
): Promise<MeasuredWatts> {
  const series = await prometheus.queryRange(
    quarterHourAverage(source),
    new Date(timeline.firstEnd * 1000),
    new Date(timeline.end * 1000),
    timeline.intervalSeconds,
  );
  const watts = new Array<number>(timeline.length).fill(NaN);
  let latestEnd: number | undefined;
  for (const [time, value] of series[0]?.values ?? []) {
    const index = timeline.indexOfEnd(time);
    if (index === undefined || !Number.isFinite(value)) continue;
    watts[index] = value;
    latestEnd = Math.max(latestEnd ?? time, time);
  }
  return { watts, latestEnd };
}
