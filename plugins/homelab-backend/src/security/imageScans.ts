import {
  FindingSeverity,
  SeverityCounts,
} from '@homelab/plugin-homelab-common';
import { UNKNOWN_VULNERABILITY } from './listedFindings';
import { emptySeverities, ParsedReport } from './reports';

/** An image scan's unique vulnerabilities, their count by severity, and its secrets. */
export interface Scan {
  /** The unique vulnerability ids, and (at the same index) their severities. */
  ids: string[];
  severities: FindingSeverity[];
  counts: SeverityCounts;
  secrets: number;
}

/**
 * Reads image scans for the workload vulnerability score, where a
 * vulnerability listed for two packages counts once. One set of seen ids
 * serves every scan: a large cluster has thousands, and a set of their own
 * each was a twentieth of the aggregation (issue 12's bench).
 */
export class ImageScans {
  /** The scan each vulnerability id was last seen in, by number. */
  readonly #lastSeenIn = new Map<string, number>();
  #scans = 0;

  /** The unique vulnerabilities and the secrets an image scan found. */
  of(report: ParsedReport): Scan {
    const scan = ++this.#scans;
    const listed = report.vulnerabilities;
    const length = listed?.items.length ?? 0;
    const ids: string[] = new Array(length);
    const severities: FindingSeverity[] = new Array(length);
    const counts = emptySeverities();
    let unique = 0;
    for (let index = 0; index < length; index++) {
      const id = listed!.items[index].vulnerabilityID || UNKNOWN_VULNERABILITY;
      if (this.#lastSeenIn.get(id) === scan) continue;
      this.#lastSeenIn.set(id, scan);
      const severity = listed!.severities[index];
      ids[unique] = id;
      severities[unique++] = severity;
      counts[severity]++;
    }
    ids.length = unique;
    severities.length = unique;
    let secrets = 0;
    for (const finding of report.findings) {
      if (finding.source === 'exposed-secret') secrets++;
    }
    return { ids, severities, counts, secrets };
  }
}

/**
 * The scans of one workload's containers as one: a vulnerability in two of
 * them counts once. Most workloads have one scan, taken as it is.
 */
export function mergeScans(scans: Scan[]): Scan {
  if (scans.length === 1) return scans[0];
  const merged: Scan = {
    ids: [],
    severities: [],
    counts: emptySeverities(),
    secrets: 0,
  };
  const seen = new Set<string>();
  for (const scan of scans) {
    scan.ids.forEach((id, index) => {
      if (seen.has(id)) return;
      seen.add(id);
      merged.ids.push(id);
      merged.severities.push(scan.severities[index]);
      merged.counts[scan.severities[index]]++;
    });
    merged.secrets += scan.secrets;
  }
  return merged;
}
