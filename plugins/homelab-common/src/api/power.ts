/**
 * Where a device's draw comes from: a Prometheus query the operator
 * configured (measured), the inventory's figures (estimated), or nothing
 * (not measured: never counted as zero).
 *
 * @public
 */
export type PowerSource = 'measured' | 'estimated' | 'not-measured';

/**
 * Energy drawn over a window and what it cost.
 *
 * @public
 */
export interface PowerEnergy {
  /** Kilowatt hours. */
  kWh: number;
  /** In the tariff's currency; absent without a tariff. */
  cost?: number;
  /** Hours of the window the figure covers: fewer where a measurement has gaps. */
  hours: number;
}

/**
 * One device's draw, with its source.
 *
 * @public
 */
export interface DevicePower {
  /** The device's entity. */
  entityRef: string;
  /** Its inventory name. */
  name: string;
  /** Its title, when it has one. */
  title?: string;
  /** The device's kind, like compute-module or nas. */
  kind?: string;
  /** Where its figures come from. */
  source: PowerSource;
  /** The query of a measured device, the inventory figure of an estimated one, why one is not measured. */
  basis: string;
  /** The inventory's typical (else maximum) draw: the claim the measured draw is compared with. */
  inventoryWatts?: number;
  /** Watts of the latest measured quarter hour, or the estimate; null when not measured. */
  watts: number | null;
  /** When the latest measured quarter hour ended. */
  measuredAt?: string;
  /**
   * The measured device this one is inside (a module in a measured board):
   * its figures are its share of that one's draw, not added to the total.
   */
  includedIn?: string;
  /** The last 24 hours; null when not measured. */
  day: PowerEnergy | null;
  /** The last 30 days; null when not measured. */
  month: PowerEnergy | null;
  /** Hourly average watts over the last 7 days, oldest first; null where nothing was measured. */
  history: Array<number | null>;
}

/**
 * What a share of the devices' draw is apportioned to.
 *
 * @public
 */
export type PowerConsumerKind =
  | 'device'
  | 'virtual-machine'
  | 'node'
  | 'cluster'
  | 'app'
  | 'unattributed';

/**
 * A virtual machine, module, node, cluster or app with its share of the
 * draw of the devices it runs on, apportioned by CPU use.
 *
 * @public
 */
export interface PowerConsumer {
  /** What it is. */
  kind: PowerConsumerKind;
  /** The entity, or for an app without one its namespace as "namespace/<name>". */
  name: string;
  /** Its entity, when it has one. */
  entityRef?: string;
  /** The cluster of a node, cluster or app. */
  cluster?: string;
  /** The devices whose draw it has a share of. */
  devices: string[];
  /** mixed: shares of measured and estimated devices. */
  source: 'measured' | 'estimated' | 'mixed';
  /** Its share of the devices' watts now. */
  watts: number;
  /** Its share of the last 24 hours. */
  day: PowerEnergy;
  /** Its share of the last 30 days. */
  month: PowerEnergy;
}

/**
 * A part of the day at its own price, in the tariff's time zone.
 *
 * @public
 */
export interface PowerTariffPeriod {
  /** What the tariff calls it, like "night". */
  name: string;
  /** HH:MM. */
  from: string;
  /** HH:MM; before from when the period crosses midnight. */
  to: string;
  /** Days it applies on, 0 Sunday to 6 Saturday; every day when absent. */
  days?: number[];
  /** Price per kWh in the tariff's currency. */
  pricePerKWh: number;
}

/**
 * The homelab's power: every device's draw and energy with its source, the
 * same apportioned to what runs on the devices, and the tariff it is priced
 * with.
 *
 * @public
 */
export interface PowerReport {
  /** When it was built. */
  generatedAt: string;
  /** Absent when no tariff is configured: energy has no cost. */
  tariff?: {
    /** Currency code of every cost. */
    currency: string;
    /** Price per kWh outside every period. */
    pricePerKWh: number;
    /** IANA time zone of the periods. */
    timeZone: string;
    /** Time-of-use periods; none for a flat tariff. */
    periods: PowerTariffPeriod[];
  };
  /** The devices not included in another: measured and estimated ones. */
  total: {
    /** Watts now. */
    watts: number;
    /** The last 24 hours. */
    day: PowerEnergy;
    /** The last 30 days. */
    month: PowerEnergy;
    /** Devices with neither a measurement nor inventory figures, left out of the total. */
    notMeasured: number;
  };
  /** Every device, measured, estimated or not. */
  devices: DevicePower[];
  /** Virtual machines, nodes, clusters and apps with their shares, and what is unattributed. */
  consumers: PowerConsumer[];
  /** What could not be read, without failing the report. */
  warnings: string[];
}
