import { madeFindings } from '../database/PostureStore';
import { collectWorkloads } from '../workloads/collectWorkloads';
import { EntityIndex } from '../workloads/EntityIndex';
import {
  cronJobRun,
  helloComponent,
  helloCronJob,
} from '../workloads/__testUtils__/cronJobRun';
import { listingCluster } from '../workloads/__testUtils__/listingCluster';
import { corpusObjects } from './__testUtils__/securityCorpus';
import { parsePolicyReport } from './policyReports';
import { PostureAggregator } from './PostureAggregator';
import { parseTrivyReport } from './trivy';

const CLUSTER = 'production';

/**
 * The Falco alert of the openreports sample (sample-falco-policy.yaml), as
 * Falco raises it in the pod of one run of the CronJob.
 */
function falcoAlertIn(pod: string) {
  const [report] = corpusObjects(
    'policy-reports/openreports/sample-falco-policy.yaml',
  );
  report.metadata.namespace = 'default';
  report.results[0].resources[0] = {
    apiVersion: 'v1',
    kind: 'Pod',
    name: pod,
    namespace: 'default',
  };
  return report;
}

/** One collection while one run of the CronJob is live: its workloads, then Trivy's report and Falco's alert. */
async function collectDuring(scheduledMinute: number, podSuffix: string) {
  const run = cronJobRun(scheduledMinute, podSuffix);
  const snapshot = await collectWorkloads(
    listingCluster({
      'cronjobs.batch': [helloCronJob],
      'jobs.batch': [run.job],
      pods: [run.pod],
    }),
  );
  const aggregator = new PostureAggregator(
    CLUSTER,
    snapshot,
    new EntityIndex([helloComponent]),
  );
  for (const report of corpusObjects(
    'trivy-operator/configauditreport-envtest-cronjob-hello.yaml',
  ))
    aggregator.add(parseTrivyReport(report, CLUSTER));
  aggregator.add(
    parsePolicyReport(falcoAlertIn(run.pod.metadata!.name!), CLUSTER),
  );
  return {
    findings: madeFindings(aggregator.takeFindings()),
    summaries: aggregator.finish('2026-11-30T02:00:30.000Z').summaries,
  };
}

describe("a CronJob's findings", () => {
  it('land on the CronJob and its entity, whichever run raised them', async () => {
    const first = await collectDuring(29933400, 'x7k2p');
    const next = await collectDuring(29934840, 'q9m4d');

    for (const { findings, summaries } of [first, next]) {
      // Trivy Operator's 13 failed checks on the CronJob itself, and Falco's
      // alert in the pod of the run.
      expect(findings.map(f => f.source).sort()).toEqual([
        ...Array(13).fill('config-audit'),
        'policy',
      ]);
      for (const finding of findings) {
        expect(finding).toMatchObject({
          workload: { kind: 'CronJob', name: 'hello' },
          entityRef: 'component:default/hello',
        });
      }
      expect(summaries.find(s => s.scope === 'entity')).toMatchObject({
        entityRef: 'component:default/hello',
        workloads: 1,
      });
    }
    const ids = (findings: typeof first.findings, source: string) =>
      findings.filter(f => f.source === source).map(f => f.id);
    expect(ids(next.findings, 'config-audit')).toEqual(
      ids(first.findings, 'config-audit'),
    );
    // The alert names another pod, which is another resource: its own finding.
    expect(ids(next.findings, 'policy')).not.toEqual(
      ids(first.findings, 'policy'),
    );
  });
});
