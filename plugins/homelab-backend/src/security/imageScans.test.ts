import { FindingIds } from './findingId';
import { ImageScans, mergeScans } from './imageScans';
import { Int32Slab } from './int32Slab';
import { stagedVulnerabilities } from './listedFindings';
import { ParsedReport } from './reports';
import { parseTrivyReport } from './trivy';

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** A VulnerabilityReport listing each id once per package it names. */
const scanOf = (ids: string[], packages: string[]) =>
  parseTrivyReport(
    {
      kind: 'VulnerabilityReport',
      metadata: { name: 'replicaset-web-7d9f8-web', namespace: 'shop' },
      report: {
        vulnerabilities: ids.flatMap((id, index) =>
          packages.map(resource => ({
            vulnerabilityID: id,
            severity: SEVERITIES[index % SEVERITIES.length],
            resource,
          })),
        ),
      },
    },
    'production',
  );

/** A report's scan, its vulnerabilities keyed as the aggregation keys them. */
const scanIn = (scans: ImageScans, report: ParsedReport) =>
  scans.of(
    report,
    stagedVulnerabilities(
      'r',
      report.vulnerabilities!,
      {},
      new FindingIds(),
      new Int32Slab(),
    ).keys,
  );

const cves = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `CVE-2024-${10000 + from + i}`);

describe('ImageScans', () => {
  it('counts a vulnerability listed for several packages once, in scans larger than its first table', () => {
    const scans = new ImageScans();
    // 300 ids in 900 listings: past the 256 slots the table starts with.
    const scan = scanIn(
      scans,
      scanOf(cves(300), ['libssl3', 'openssl', 'curl']),
    );
    expect(scan.counts).toEqual({
      critical: 75,
      high: 75,
      medium: 75,
      low: 75,
      unknown: 0,
    });
    // Three values each: the id's hash in two, and its severity's code.
    expect(scan.ids).toHaveLength(900);
    const unique = Array.from({ length: 300 }, (_, i) => i);
    expect(new Set(unique.map(i => scan.ids[3 * i])).size).toBe(300);
    expect(new Set(unique.map(i => scan.ids[3 * i + 2]))).toEqual(
      new Set([0, 1, 2, 3]),
    );
  });

  it('counts the same vulnerabilities again in the next scan', () => {
    const scans = new ImageScans();
    scanIn(scans, scanOf(cves(3), ['zlib1g']));
    expect(scanIn(scans, scanOf(cves(3), ['zlib1g'])).counts).toMatchObject({
      critical: 1,
      high: 1,
      medium: 1,
    });
  });

  it('counts a listing without an id as one unknown vulnerability', () => {
    const report = scanOf(['', ''], ['a', 'b']);
    expect(scanIn(new ImageScans(), report).counts).toMatchObject({
      critical: 1,
      high: 0,
    });
  });

  it("merges a workload's scans, a vulnerability in two containers counted once", () => {
    const scans = new ImageScans();
    const web = scanIn(scans, scanOf(cves(4), ['libc6']));
    const sidecar = scanIn(scans, scanOf(cves(4, 2), ['libc6']));
    // CVE-2024-10002 and -10003 are in both: as the first scan lists them.
    expect(mergeScans([web, sidecar]).counts).toEqual({
      critical: 1,
      high: 1,
      medium: 2,
      low: 2,
      unknown: 0,
    });
    expect(mergeScans([web])).toBe(web);
  });
});
