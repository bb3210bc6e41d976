import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { PowerSource } from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
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
  /** Watts now: the latest measured interval, or the estimate. */
  latest?: number;
  /** Unix seconds when the latest measured interval ended. */
  measuredAt?: number;
}

interface InventoryPower {
  typicalW?: number;
  maxW?: number;
}

/** The inventory's figure a device is estimated at: typical draw, else peak. */
function inventoryFigure(entity: Entity) {
  const power = (entity.spec?.homelab as { power?: InventoryPower })?.power;
  if (power?.typicalW !== undefined)
    return {
      watts: power.typicalW,
      basis: `inventory: typical ${power.typicalW} W`,
    };
  if (power?.maxW !== undefined)
    return {
      watts: power.maxW,
      basis: `inventory: at most ${power.maxW} W (its peak; no typical draw given)`,
    };
  return undefined;
}

/**
 * Each device's draw from the best source it has: the configured query when
 * it answered within the last 30 days, else the inventory's figure, else
 * none. A query that answered nothing falls back with the reason kept.
 */
export async function deviceDraws(
  devices: Entity[],
  sources: MeasuredSource[],
  prometheus: PrometheusClient | undefined,
  timeline: PowerTimeline,
  warnings: string[],
): Promise<DeviceDraw[]> {
  return Promise.all(
    devices.map(async entity => {
      const entityRef = stringifyEntityRef(entity);
      const figure = inventoryFigure(entity);
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
              inventoryWatts: figure?.watts,
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
          inventoryWatts: figure.watts,
          watts: timeline.constant(figure.watts),
          latest: figure.watts,
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
