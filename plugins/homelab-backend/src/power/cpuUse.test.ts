import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import { collectWorkloads } from '../workloads/collectWorkloads';
import { EntityIndex } from '../workloads/EntityIndex';
import {
  cronJobRun,
  helloComponent,
  helloCronJob,
} from '../workloads/__testUtils__/cronJobRun';
import { listingCluster } from '../workloads/__testUtils__/listingCluster';
import { readPowerSettings } from './PowerSettings';
import { readCpuUse } from './cpuUse';

const node: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'production-rk1-2' },
  spec: {
    type: HOMELAB_RESOURCE_TYPES.node,
    homelab: { cluster: 'production', nodeName: 'rk1-2' },
  },
};

describe('readCpuUse', () => {
  it("gives the CPU a CronJob's pod used to the CronJob's entity", async () => {
    const run = cronJobRun(29933400, 'x7k2p');
    const workloads = await collectWorkloads(
      listingCluster({
        'cronjobs.batch': [helloCronJob],
        'jobs.batch': [run.job],
        pods: [run.pod],
      }),
    );
    const { cpuUsage } = readPowerSettings(new ConfigReader({}));
    // A sample of the default pods query: sum by (node, namespace, pod).
    const prometheus = {
      query: async (query: string) =>
        query === cpuUsage.pods.replace('{{window}}', '1h')
          ? [
              {
                labels: {
                  node: 'rk1-2',
                  namespace: 'default',
                  pod: run.pod.metadata!.name!,
                },
                value: 0.25,
              },
            ]
          : [],
    } as unknown as PrometheusClient;
    const warnings: string[] = [];

    const use = await readCpuUse(
      prometheus,
      cpuUsage,
      {
        resources: [node],
        index: new EntityIndex([helloComponent]),
        workloads: new Map([['production', workloads]]),
      },
      '1h',
      new Date('2026-11-30T02:00:30.000Z'),
      warnings,
    );

    expect(
      use.apps
        .get('resource:default/production-rk1-2')
        ?.get('component:default/hello'),
    ).toEqual({
      app: {
        cluster: 'production',
        name: 'component:default/hello',
        entityRef: 'component:default/hello',
      },
      cores: 0.25,
    });
    expect(warnings).toEqual([]);
  });
});
