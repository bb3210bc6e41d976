/**
 * The sources the collectors gather, in the order their default schedules
 * start them. Each name is the scheduled task's suffix, the key of its
 * schedule under homelab.collectors, and the source its data and freshness
 * are stored and served under.
 */
export const COLLECTOR_SOURCES = [
  'workloads',
  'flux',
  'security',
  'slo',
  'backups',
  'certificates',
] as const;

/** One of the collectors' sources. */
export type CollectorSource = (typeof COLLECTOR_SOURCES)[number];
