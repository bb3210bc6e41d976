import { PowerEnergy, PowerReport } from '@homelab/plugin-homelab-common';

/** Watts to one decimal. */
export const wattsText = (watts: number) => `${watts.toFixed(1)} W`;

/** Energy to three decimals: a Raspberry Pi's day is a third of a kWh. */
export const kWhText = (energy: PowerEnergy) => `${energy.kWh.toFixed(3)} kWh`;

/** A cost in the tariff's currency; a dash without a tariff, never 0. */
export function costText(
  energy: PowerEnergy,
  tariff: PowerReport['tariff'],
): string {
  if (energy.cost === undefined || !tariff) return '–';
  return `${energy.cost.toFixed(2)} ${tariff.currency}`;
}

/** Average watts over what an energy figure covers. */
export const averageWatts = (energy: PowerEnergy) =>
  energy.hours > 0 ? (energy.kWh * 1000) / energy.hours : undefined;

/** "over 22 of 24 h" where a measurement has gaps; nothing when whole. */
export function coverageText(energy: PowerEnergy, windowHours: number) {
  return energy.hours < windowHours
    ? ` (over ${Math.round(energy.hours)} of ${windowHours} h)`
    : '';
}
