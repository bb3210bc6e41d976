import { INTERVAL_MINUTES } from './PowerSettings';

const INTERVAL_SECONDS = INTERVAL_MINUTES * 60;
const DAY_INTERVALS = (24 * 60) / INTERVAL_MINUTES;
/** A month is 30 days. */
const MONTH_INTERVALS = 30 * DAY_INTERVALS;

/** Energy drawn over a window, and what it cost. */
export interface Energy {
  kWh: number;
  /** Undefined without a tariff. */
  cost?: number;
  /** Hours of the window the figure covers: fewer where a measurement has gaps. */
  hours: number;
}

/**
 * The quarter hours of the last 30 days, ending on the last quarter hour
 * boundary before `now`: every device's draw is one average per quarter
 * hour, so energy is the sum of average watts times a quarter hour and each
 * quarter hour is priced as one (tariff periods start on quarter hours).
 */
export class PowerTimeline {
  readonly intervalSeconds = INTERVAL_SECONDS;
  readonly length = MONTH_INTERVALS;
  /** Unix seconds when the last interval ends. */
  readonly end: number;
  /** The price per kWh of each interval, from its start; undefined without a tariff. */
  readonly #prices?: number[];

  constructor(now: Date, priceAt?: (at: Date) => number) {
    this.end =
      Math.floor(now.getTime() / 1000 / INTERVAL_SECONDS) * INTERVAL_SECONDS;
    if (priceAt) {
      this.#prices = Array.from({ length: this.length }, (_, i) =>
        priceAt(new Date(this.intervalStart(i) * 1000)),
      );
    }
  }

  /** Unix seconds when the first interval ends: a range query's start. */
  get firstEnd(): number {
    return this.end - (this.length - 1) * INTERVAL_SECONDS;
  }

  intervalStart(index: number): number {
    return this.firstEnd + (index - 1) * INTERVAL_SECONDS;
  }

  /** The interval ending at a range query's point time; undefined outside. */
  indexOfEnd(time: number): number | undefined {
    const index = Math.round((time - this.firstEnd) / INTERVAL_SECONDS);
    return index >= 0 && index < this.length ? index : undefined;
  }

  /** Watts of every interval: NaN where nothing was measured. */
  constant(watts: number): number[] {
    return new Array(this.length).fill(watts);
  }

  /** Energy and cost of the last day and the last 30 days of per-interval watts. */
  energy(watts: ArrayLike<number>): { day: Energy; month: Energy } {
    return {
      day: this.#energyOver(watts, this.length - DAY_INTERVALS),
      month: this.#energyOver(watts, 0),
    };
  }

  #energyOver(watts: ArrayLike<number>, from: number): Energy {
    const hoursPerInterval = INTERVAL_SECONDS / 3600;
    let kWh = 0;
    let cost = 0;
    let covered = 0;
    for (let i = from; i < this.length; i++) {
      if (Number.isNaN(watts[i])) continue;
      const intervalKWh = (watts[i] * hoursPerInterval) / 1000;
      kWh += intervalKWh;
      if (this.#prices) cost += intervalKWh * this.#prices[i];
      covered++;
    }
    return {
      kWh,
      ...(this.#prices ? { cost } : {}),
      hours: covered * hoursPerInterval,
    };
  }
}
