import {
  FindingSeverity,
  SeverityCounts,
} from '@homelab/plugin-homelab-common';
import { countSeverity, emptySeverities, ParsedReport } from './reports';

/** An image scan's unique vulnerabilities, their count by severity, and its secrets. */
export interface Scan {
  /**
   * The unique vulnerability ids as 64-bit hashes, two 32-bit values each:
   * a collection keeps every workload's scan until its end, and numbers
   * hold no strings of the reports alive.
   */
  ids: Int32Array;
  /** The severity of the id at the same index. */
  severities: FindingSeverity[];
  counts: SeverityCounts;
  secrets: number;
}

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
    const ids = new Int32Array(2 * length);
    const severities: FindingSeverity[] = new Array(length);
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
      ids[2 * unique] = high;
      ids[2 * unique + 1] = low;
      const severity = listed!.severities[index];
      severities[unique++] = severity;
      countSeverity(counts, severity);
    }
    severities.length = unique;
    let secrets = 0;
    for (const finding of report.findings) {
      if (finding.source === 'exposed-secret') secrets++;
    }
    // A view, not a copy: a copy was an allocation outside the heap per scan.
    return { ids: ids.subarray(0, 2 * unique), severities, counts, secrets };
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
  for (const scan of scans) {
    scan.severities.forEach((severity, index) => {
      const key = `${scan.ids[2 * index]}:${scan.ids[2 * index + 1]}`;
      if (seen.has(key)) return;
      seen.add(key);
      countSeverity(counts, severity);
    });
    secrets += scan.secrets;
  }
  return { counts, secrets };
}
