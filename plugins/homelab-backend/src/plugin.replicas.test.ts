import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  KubernetesApiTestServer,
  snapshotServerOptions,
} from '@homelab/plugin-homelab-node/testUtils';
import { JsonObject } from '@backstage/types';
import path from 'node:path';
import { EXAMPLES_DIR } from './example/__testUtils__/exampleHomelab';
import homelabPlugin from './index';

jest.setTimeout(120_000);

const FREQUENCY_SECONDS = 3;
const RUN_FOR_SECONDS = 16;
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const later = {
  frequency: { hours: 1 },
  initialDelay: { hours: 1 },
  timeout: { minutes: 1 },
};

/**
 * Two backend replicas, as in a production deployment: each with the real
 * scheduler, both on one PostgreSQL database, both configured to collect
 * Flux every few seconds from the same cluster.
 */
async function startReplica(
  connection: JsonObject,
  clusterUrl: string,
  caData: string,
) {
  return startTestBackend({
    features: [
      homelabPlugin,
      databaseServiceFactory,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: 'pg',
              connection,
              pluginDivisionMode: 'schema',
            },
          },
          homelab: {
            clusters: [
              { name: 'production', url: clusterUrl, caData, token: 'reader' },
            ],
            collectors: {
              flux: {
                schedule: {
                  frequency: { seconds: FREQUENCY_SECONDS },
                  timeout: { seconds: 30 },
                },
              },
              workloads: { schedule: later },
              security: { schedule: later },
            },
          },
        },
      }),
    ],
  });
}

describe('two backend replicas sharing one PostgreSQL', () => {
  it('run each collector once per interval between them, never both at once', async () => {
    const knex = await databases.init('POSTGRES_15');
    const connection = knex.client.config.connection as JsonObject;
    const cluster = await KubernetesApiTestServer.start({
      ...snapshotServerOptions(
        path.join(EXAMPLES_DIR, 'snapshots', 'production'),
      ),
      token: 'reader',
    });
    const replicas = [
      await startReplica(connection, cluster.url, cluster.caData),
      await startReplica(connection, cluster.url, cluster.caData),
    ];
    const started = Date.now();
    try {
      await new Promise(resolve => setTimeout(resolve, RUN_FOR_SECONDS * 1000));
    } finally {
      await Promise.all(replicas.map(replica => replica.stop()));
      await cluster.stop();
    }
    const elapsed = (Date.now() - started) / 1000;

    const runs = await knex
      .withSchema('homelab')
      .table('homelab_collection_runs')
      .where({ source: 'flux' })
      .orderBy('started_at');
    const starts = runs.map(run => new Date(run.started_at).getTime());
    // One replica alone would run it about elapsed / frequency times; two
    // that did not coordinate, twice as often.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(
      Math.ceil(elapsed / FREQUENCY_SECONDS) + 1,
    );
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i] - starts[i - 1]).toBeGreaterThan(
        FREQUENCY_SECONDS * 1000 * 0.8,
      );
    }
    expect(runs.every(run => run.succeeded)).toBe(true);
    // Every run read the cluster's HelmReleases once: no run was duplicated.
    const releaseLists = cluster.requests.filter(r =>
      r.path.endsWith('/helmreleases'),
    );
    expect(releaseLists).toHaveLength(runs.length);
  });
});
