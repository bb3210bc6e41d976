import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { PowerSource } from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import { CpuLoad, inventoryEstimate } from './inventoryEstimate';
import { measuredWatts, quarterHourAverage } from './measuredWatts';
import { MeasuredSource } from './PowerSettings';
import { PowerTimeline } from './PowerTimeline';

/** A device's draw per interval of the timeline, and where it comes from. */
export interface DeviceDraw {
  entity: Entity;
  entityRef: string;
  source: PowerSource;
  basis: string;
  inventoryWatts?: number;
  /** Watts per interval, NaN where unknown; every interval NaN when not measured. */
  watts: number[];
  /** Watts per interval for the last 30 days, where an estimate differs from the last day's. */
  monthWatts?: number[];
  /** Watts now: the latest measured interval, or the estimate. */
  latest?: number;
  /** Unix seconds when the latest measured interval ended. */
  measuredAt?: number;
}

/**
 * Each device's draw from the best source it has: the configured query when
 * it answered within the last 30 days, else the inventory's figures (see
 * {@link inventoryEstimate}), else none. A query that answered nothing
 * falls back with the reason kept.
 */
export async function deviceDraws(
  devices: Entity[],
  sources: MeasuredSource[],
  prometheus: PrometheusClient | undefined,
  timeline: PowerTimeline,
  loads: Map<string, CpuLoad>,
  warnings: string[],
): Promise<DeviceDraw[]> {
  return Promise.all(
    devices.map(async entity => {
      const entityRef = stringifyEntityRef(entity);
      const figure = inventoryEstimate(entity, loads.get(entityRef));
      const source = sources.find(s => s.device === entity.metadata.name);
      let unmeasured = 'no measured source is configured';
      if (source && !prometheus) {
        unmeasured =
          'a measured source is configured, but homelab.prometheus is not';
      } else if (source) {
        try {
          const measured = await measuredWatts(prometheus!, source, timeline);
          if (measured.latestEnd !== undefined) {
            const last = timeline.indexOfEnd(measured.latestEnd)!;
            return {
              entity,
              entityRef,
              source: 'measured' as const,
              basis: quarterHourAverage(source),
              inventoryWatts: figure?.claim,
              watts: measured.watts,
              latest: measured.watts[last],
              measuredAt: measured.latestEnd,
            };
          }
          unmeasured = `its query answered nothing in the last 30 days: ${source.query}`;
        } catch (error) {
          unmeasured = `its query failed: ${(error as Error).message}`;
        }
        warnings.push(`${entity.metadata.name}: ${unmeasured}`);
      }
      if (figure) {
        return {
          entity,
          entityRef,
          source: 'estimated' as const,
          basis: source ? `${figure.basis} (${unmeasured})` : figure.basis,
          inventoryWatts: figure.claim,
          watts: timeline.constant(figure.day),
          ...(figure.month !== figure.day
            ? { monthWatts: timeline.constant(figure.month) }
            : {}),
          latest: figure.day,
        };
      }
      return {
        entity,
        entityRef,
        source: 'not-measured' as const,
        basis: `${unmeasured}, and the inventory gives no power figures`,
        watts: timeline.constant(NaN),
      };
    }),
  );
}
