import { madeFindings, StagedFindings } from '../database/PostureStore';
import { EntityIndex } from '../workloads/EntityIndex';
import { addReports, STAGE_BATCH } from './addReports';
import { PostureAggregator } from './PostureAggregator';
import { parseTrivyReport, TrivyReport } from './trivy';

/** Report r of `count`, each listing 100 vulnerabilities. */
const reports = (count: number): TrivyReport[] =>
  Array.from({ length: count }, (_, r) => ({
    kind: 'VulnerabilityReport',
    metadata: {
      name: `replicaset-app-${r}-7d9f8-app`,
      namespace: 'shop',
      labels: {
        'trivy-operator.resource.kind': 'ReplicaSet',
        'trivy-operator.resource.name': `app-${r}-7d9f8`,
        'trivy-operator.resource.namespace': 'shop',
        'trivy-operator.container.name': 'app',
      },
    },
    report: {
      vulnerabilities: Array.from({ length: 100 }, (__, v) => ({
        vulnerabilityID: `CVE-2024-${String(v).padStart(4, '0')}`,
        severity: 'HIGH',
        resource: 'libssl3',
        installedVersion: '3.0.11',
      })),
    },
  }));

describe('addReports', () => {
  it('stages findings a batch at a time as the reports are read, then the rest of the page, each once', async () => {
    const aggregator = new PostureAggregator(
      'production',
      undefined,
      new EntityIndex([]),
    );
    const batches: StagedFindings[][] = [];
    const stage = async () => {
      batches.push(aggregator.takeFindings());
    };
    await addReports(
      aggregator,
      reports(25),
      report => parseTrivyReport(report, 'production'),
      stage,
    );
    expect(batches.map(batch => madeFindings(batch).length)).toEqual([
      STAGE_BATCH,
      STAGE_BATCH,
      500,
    ]);
    const ids = batches
      .map(madeFindings)
      .flat()
      .map(finding => finding.id);
    expect(new Set(ids).size).toBe(2500);
    expect(aggregator.pendingFindings).toBe(0);
    expect(new Set(batches.flat().map(staged => staged.report)).size).toBe(25);
  });
});
