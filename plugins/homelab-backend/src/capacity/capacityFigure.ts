import {
  CapacityFigure,
  CapacityResource,
} from '@homelab/plugin-homelab-common';
import { linearTrend } from './linearTrend';

/** The figures of one resource, before headroom and trend are worked out. */
export interface FigureInputs {
  resource: CapacityResource;
  allocatable: number | null;
  requests: number | null;
  use: number | null;
  targetPercent?: number;
  useBasis: string;
  observedAt: string | null;
  measuredAt: string | null;
  /** Use over time, [unix seconds, value] oldest first; none when not measured. */
  history: Array<[number, number]>;
}

const UNITS: Record<CapacityResource, CapacityFigure['unit']> = {
  cpu: 'cores',
  memory: 'bytes',
  pods: 'pods',
  storage: 'bytes',
};

/**
 * A figure with its headroom: the target's share of allocatable (all of it
 * without a target) less the larger of the known requests and use, since
 * the scheduler places by requests and a node runs out by use; and its
 * trend to that limit.
 */
export function capacityFigure(
  inputs: FigureInputs,
  now: Date,
): CapacityFigure {
  const { allocatable, requests, use, targetPercent } = inputs;
  const limit =
    allocatable === null
      ? undefined
      : (allocatable * (targetPercent ?? 100)) / 100;
  const taken = [requests, use].filter((v): v is number => v !== null);
  return {
    resource: inputs.resource,
    unit: UNITS[inputs.resource],
    allocatable,
    requests,
    use,
    ...(targetPercent !== undefined ? { targetPercent } : {}),
    headroom:
      limit === undefined || !taken.length ? null : limit - Math.max(...taken),
    useBasis: inputs.useBasis,
    observedAt: inputs.observedAt,
    measuredAt: inputs.measuredAt,
    trend: linearTrend(inputs.history, limit, now),
  };
}

/** A sum of parts, null when a part is not known. */
export const sumKnown = (values: Array<number | null>): number | null =>
  values.some(v => v === null)
    ? null
    : values.reduce<number>((total, v) => total + (v as number), 0);

/**
 * Use over time summed across nodes, at the times every one of them has a
 * sample (Prometheus answers a range on the same steps for every series).
 */
export function sumHistories(
  histories: Array<Array<[number, number]>>,
): Array<[number, number]> {
  if (!histories.length || histories.some(h => !h.length)) return [];
  const totals = new Map<number, { sum: number; count: number }>();
  for (const history of histories)
    for (const [t, v] of history) {
      const total = totals.get(t) ?? { sum: 0, count: 0 };
      total.sum += v;
      total.count += 1;
      totals.set(t, total);
    }
  return [...totals.entries()]
    .filter(([, total]) => total.count === histories.length)
    .sort(([a], [b]) => a - b)
    .map(([t, total]) => [t, total.sum]);
}

/** The oldest of several times, null when one is not known. */
export const oldest = (times: Array<string | null>): string | null =>
  times.some(t => t === null)
    ? null
    : times.reduce<string | null>(
        (min, t) => (min === null || (t as string) < min ? t : min),
        null,
      );
