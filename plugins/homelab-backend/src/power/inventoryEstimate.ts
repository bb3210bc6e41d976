import { Entity } from '@backstage/catalog-model';

/** The share of a device's cores its workloads used, over the last day and 30 days. */
export interface CpuLoad {
  day: number;
  month: number;
  cores: number;
}

/** A device's draw estimated from the inventory, over the last day and 30 days. */
interface InventoryEstimate {
  day: number;
  month: number;
  basis: string;
  /** The figure the inventory states: typical, else peak, else idle. */
  claim: number;
}

interface InventoryPower {
  typicalW?: number;
  idleW?: number;
  maxW?: number;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A device's draw from its inventory figures. With its idle and peak draw
 * and the CPU use of what runs on it, the draw is taken as linear in CPU
 * use between the two (the model Cloud Carbon Footprint and Kepler's
 * estimators use): idle + (peak - idle) x share of cores used. Else its
 * typical draw; else its peak or its idle draw, said to be a bound.
 */
export function inventoryEstimate(
  entity: Entity,
  load: CpuLoad | undefined,
): InventoryEstimate | undefined {
  const power = (entity.spec?.homelab as { power?: InventoryPower })?.power;
  if (!power) return undefined;
  const { typicalW, idleW, maxW } = power;
  const claim = typicalW ?? maxW ?? idleW;
  if (idleW !== undefined && maxW !== undefined && load) {
    const at = (share: number) => idleW + (maxW - idleW) * Math.min(1, share);
    return {
      day: at(load.day),
      month: at(load.month),
      basis: `inventory: ${idleW} W idle to ${maxW} W peak, at ${percent(
        load.day,
      )} of its ${load.cores} cores over the last day (${percent(
        load.month,
      )} over 30 days)`,
      claim: claim!,
    };
  }
  if (typicalW !== undefined)
    return {
      day: typicalW,
      month: typicalW,
      basis: `inventory: typical ${typicalW} W`,
      claim: typicalW,
    };
  if (maxW !== undefined)
    return {
      day: maxW,
      month: maxW,
      basis: `inventory: at most ${maxW} W (its peak; no typical draw given)`,
      claim: maxW,
    };
  if (idleW !== undefined)
    return {
      day: idleW,
      month: idleW,
      basis: `inventory: at least ${idleW} W (its idle draw; no typical draw given)`,
      claim: idleW,
    };
  return undefined;
}
