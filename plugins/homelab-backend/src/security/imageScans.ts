import {
  FindingSeverity,
  SeverityCounts,
} from '@homelab/plugin-homelab-common';
import { Int32Slab } from './int32Slab';
import {
  countSeverity,
  emptySeverities,
  listedSeverity,
  ParsedReport,
} from './reports';

/** The severities by the code a scan's ids give them. */
const SEVERITY_BY_CODE: readonly FindingSeverity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'unknown',
];

/** A severity's code in a scan's ids. */
function severityCode(severity: FindingSeverity): number {
  switch (severity) {
    case 'critical':
      return 0;
    case 'high':
      return 1;
    case 'medium':
      return 2;
    case 'low':
      return 3;
    default:
      return 4;
  }
}

/** An image scan's unique vulnerabilities, their count by severity, and its secrets. */
export interface Scan {
  /**
   * The unique vulnerabilities, three 32-bit values each: the two halves of
   * the id's 64-bit hash, and the severity's code (SEVERITY_BY_CODE). A
   * collection keeps every workload's scan until its end: numbers hold no
   * strings of the reports alive, and one array per scan is all the
   * garbage collector has to follow.
   */
  ids: Int32Array;
  counts: SeverityCounts;
  secrets: number;
}

/** How many values a scan's ids hold per vulnerability. */
const ID_LENGTH = 3;

/**
 * Reads image scans for the workload vulnerability score, where a
 * vulnerability listed for two packages counts once. A scan's vulnerability
 * ids come hashed as finding ids are (stagedVulnerabilities' keys; a
 * collision among a million is about one in 30 million) and are told apart
 * in one open-addressing table that serves every scan: a map of strings cost
 * a quarter of the aggregation in issue 12's bench.
 */
export class ImageScans {
  /** The scan that last used each slot of the table, by number. */
  #usedBy = new Int32Array(256);
  #hashes = new Int32Array(512);
  #scans = 0;
  /** The scans' ids, kept until the collection's end. */
  readonly #ids = new Int32Slab();

  /**
   * The unique vulnerabilities and the secrets an image scan found, its
   * listed vulnerabilities told apart by their `keys`.
   */
  of(report: ParsedReport, keys: Int32Array | undefined): Scan {
    const listed = report.vulnerabilities;
    const length = listed?.items.length ?? 0;
    this.#growFor(length);
    const scan = ++this.#scans;
    const usedBy = this.#usedBy;
    const table = this.#hashes;
    const mask = usedBy.length - 1;
    const ids = this.#ids.take(ID_LENGTH * length);
    const counts = emptySeverities();
    let unique = 0;
    for (let index = 0; index < length; index++) {
      const high = keys![2 * index];
      const low = keys![2 * index + 1];
      let slot = low & mask;
      while (
        usedBy[slot] === scan &&
        (table[2 * slot] !== high || table[2 * slot + 1] !== low)
      )
        slot = (slot + 1) & mask;
      if (usedBy[slot] === scan) continue;
      usedBy[slot] = scan;
      table[2 * slot] = high;
      table[2 * slot + 1] = low;
      const severity = listedSeverity(listed!.items[index]);
      ids[ID_LENGTH * unique] = high;
      ids[ID_LENGTH * unique + 1] = low;
      ids[ID_LENGTH * unique + 2] = severityCode(severity);
      unique++;
      countSeverity(counts, severity);
    }
    let secrets = 0;
    for (const finding of report.findings) {
      if (finding.source === 'exposed-secret') secrets++;
    }
    return { ids: ids.subarray(0, ID_LENGTH * unique), counts, secrets };
  }

  /** Grows the table to at most half full with `length` ids. */
  #growFor(length: number) {
    let size = this.#usedBy.length;
    while (size < 2 * length) size *= 2;
    if (size === this.#usedBy.length) return;
    this.#usedBy = new Int32Array(size);
    this.#hashes = new Int32Array(2 * size);
  }
}

/**
 * The counts of one workload's containers' scans as one: a vulnerability in
 * two of them counts once. Most workloads have one scan, taken as it is.
 */
export function mergeScans(scans: Scan[]): Pick<Scan, 'counts' | 'secrets'> {
  if (scans.length === 1) return scans[0];
  const counts = emptySeverities();
  let secrets = 0;
  const seen = new Set<string>();
  for (const { ids, secrets: scanned } of scans) {
    for (let index = 0; index < ids.length; index += ID_LENGTH) {
      const key = `${ids[index]}:${ids[index + 1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      countSeverity(counts, SEVERITY_BY_CODE[ids[index + 2]]);
    }
    secrets += scanned;
  }
  return { counts, secrets };
}
