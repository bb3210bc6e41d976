import type { V1Job, V1Pod } from '@kubernetes/client-node';
import { collectWorkloads } from './collectWorkloads';
import { cronJobRun, helloCronJob } from './__testUtils__/cronJobRun';
import { listingCluster } from './__testUtils__/listingCluster';
import { podPlacement } from './podPlacement';
import { resolveWorkload } from './resolveWorkload';

// Trivy Operator's envtest Job (tests/envtest/testdata/fixture/job.yaml):
// created by hand, so nothing owns it; its pod as the Job controller writes it.
const pi: V1Job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi', namespace: 'default', uid: 'pi-uid' },
};
const piPod: V1Pod = {
  metadata: {
    name: 'pi-8q4zd',
    namespace: 'default',
    ownerReferences: [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: 'pi',
        uid: 'pi-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  },
  spec: { containers: [], nodeName: 'rk1-1' },
  status: { phase: 'Running' },
};

describe('collectWorkloads', () => {
  it("follows a CronJob's pods through the Job that ran them, and keeps the CronJob's labels", async () => {
    const run = cronJobRun(29933400, 'x7k2p');
    const snapshot = await collectWorkloads(
      listingCluster({
        'cronjobs.batch': [helloCronJob],
        'jobs.batch': [run.job, pi],
        pods: [run.pod, piPod],
      }),
    );

    expect(snapshot.owners).toEqual({
      'Job/default/hello-29933400': { kind: 'CronJob', name: 'hello' },
      'Pod/default/hello-29933400-x7k2p': {
        kind: 'Job',
        name: 'hello-29933400',
      },
      'Pod/default/pi-8q4zd': { kind: 'Job', name: 'pi' },
    });
    expect(snapshot.cronJobs).toEqual([
      {
        namespace: 'default',
        name: 'hello',
        labels: { 'backstage.io/kubernetes-id': 'hello' },
      },
    ]);
    expect(
      resolveWorkload(
        { kind: 'Pod', namespace: 'default', name: 'hello-29933400-x7k2p' },
        snapshot,
      ),
    ).toEqual({ kind: 'CronJob', namespace: 'default', name: 'hello' });
    // A Job nothing owns is where its pod's findings belong.
    expect(
      resolveWorkload(
        { kind: 'Pod', namespace: 'default', name: 'pi-8q4zd' },
        snapshot,
      ),
    ).toEqual({ kind: 'Job', namespace: 'default', name: 'pi' });
    expect(podPlacement([run.pod, piPod], snapshot.owners)).toEqual(
      new Map([
        ['CronJob/default/hello', { 'rk1-2': 1 }],
        ['Job/default/pi', { 'rk1-1': 1 }],
      ]),
    );
  });

  it('reads a cluster without CronJobs or Jobs as having none', async () => {
    const snapshot = await collectWorkloads(listingCluster({}));
    expect(snapshot.cronJobs).toEqual([]);
    expect(snapshot.owners).toEqual({});
  });

  it('keeps the rest, and warns, where the service account may not list CronJobs and Jobs', async () => {
    const run = cronJobRun(29933400, 'x7k2p');
    const cluster = listingCluster({ pods: [run.pod] });
    const forbidden = Object.assign(
      new Error(
        'cluster "production": the API server answered HTTP 403: jobs.batch is forbidden',
      ),
      { statusCode: 403 },
    );
    const list = cluster.list.bind(cluster);
    cluster.list = async type => {
      if (type.group === 'batch') throw forbidden;
      return list(type);
    };
    const warnings: string[] = [];
    const snapshot = await collectWorkloads(cluster, warning =>
      warnings.push(warning),
    );

    expect(snapshot.owners).toEqual({
      'Pod/default/hello-29933400-x7k2p': {
        kind: 'Job',
        name: 'hello-29933400',
      },
    });
    // Not listed is unknown, not none.
    expect(snapshot).not.toHaveProperty('cronJobs');
    expect(warnings).toEqual([
      "the service account may not list cronjobs (batch), so a CronJob's labels are unknown, and its findings go to its namespace's entity; grant it get and list on them",
      "the service account may not list jobs (batch), so the findings of a CronJob's pods stay on the Job that ran them; grant it get and list on them",
    ]);

    // Any other failure fails the collection, as before.
    cluster.list = async () => {
      throw Object.assign(new Error('the request timed out'), {});
    };
    await expect(collectWorkloads(cluster)).rejects.toThrow(
      'the request timed out',
    );
  });
});
