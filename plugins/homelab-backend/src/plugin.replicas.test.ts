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
import { Knex } from 'knex';
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
  fluxTimeoutSeconds = 30,
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
                  timeout: { seconds: fluxTimeoutSeconds },
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

/** Polls until `check` holds, for at most twenty seconds. */
async function eventually(check: () => Promise<boolean>) {
  for (const started = Date.now(); Date.now() - started < 20_000; ) {
    if (await check()) return;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting');
}

const fluxRuns = (knex: Knex) =>
  knex
    .withSchema('homelab')
    .table('homelab_collection_runs')
    .where({ source: 'flux' })
    .orderBy('started_at');

const runningFluxRuns = async (knex: Knex) =>
  (await fluxRuns(knex)).filter(run => run.outcome === 'running').length;

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
      // Stopped between runs: a run stopped midway is the next test's.
      await eventually(async () => !(await runningFluxRuns(knex)));
    } finally {
      await Promise.all(replicas.map(replica => replica.stop()));
      await cluster.stop();
    }
    const elapsed = (Date.now() - started) / 1000;

    const runs = await fluxRuns(knex);
    const starts = runs.map(run => new Date(run.started_at).getTime());
    // One replica alone would run it about elapsed / frequency times; two
    // that did not coordinate, twice as often.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(
      Math.ceil(elapsed / FREQUENCY_SECONDS) + 1,
    );
    // Never both at once: each run starts after the one before it ended.
    // (Gaps between starts are not asserted: on a loaded machine a run is
    // recorded late and the next one on time.)
    for (let i = 1; i < runs.length; i++) {
      expect(starts[i]).toBeGreaterThanOrEqual(
        new Date(runs[i - 1].finished_at).getTime(),
      );
    }
    expect(runs.every(run => run.succeeded)).toBe(true);
    // Every run read the cluster's HelmReleases once: no run was duplicated.
    const releaseLists = cluster.requests.filter(r =>
      r.path.endsWith('/helmreleases'),
    );
    expect(releaseLists).toHaveLength(runs.length);
  });

  it('lets the other replica collect within one period when one is stopped mid-run, with the stopped run recorded as interrupted', async () => {
    const knex = await databases.init('POSTGRES_15');
    const connection = knex.client.config.connection as JsonObject;
    const cluster = await KubernetesApiTestServer.start({
      ...snapshotServerOptions(
        path.join(EXAMPLES_DIR, 'snapshots', 'production'),
      ),
      token: 'reader',
      // The first replica's run hangs on the cluster until it is stopped.
      delayMs: 60_000,
    });
    const first = await startReplica(connection, cluster.url, cluster.caData);
    let second: Awaited<ReturnType<typeof startReplica>> | undefined;
    let firstStopped: Promise<void> | undefined;
    try {
      await eventually(async () => (await runningFluxRuns(knex)) === 1);
      second = await startReplica(connection, cluster.url, cluster.caData);
      cluster.setDelay(0);
      const stoppedAt = Date.now();
      firstStopped = first.stop();
      await firstStopped;
      await eventually(async () =>
        (await fluxRuns(knex)).some(run => run.outcome === 'succeeded'),
      );
      const [stopped, next] = await fluxRuns(knex);
      expect(stopped).toMatchObject({
        outcome: 'interrupted',
        succeeded: false,
      });
      expect(stopped.error).toMatch(/^interrupted: /);
      expect(next.outcome).toBe('succeeded');
      // The stopped replica let go of the task at once rather than holding
      // it until its 30-second timeout.
      const releasedAt = new Date(stopped.finished_at).getTime();
      expect(releasedAt - stoppedAt).toBeLessThan(5_000);
      // Released late, the task is due at once (the scheduler sets its next
      // start to the later of its slot and now), and the other replica looks
      // for due tasks once a period: it collects within one period of the
      // release, with two seconds' room for a loaded machine.
      expect(new Date(next.started_at).getTime() - releasedAt).toBeLessThan(
        (FREQUENCY_SECONDS + 2) * 1000,
      );
      // The data is whole: the stopped run wrote nothing, and what the other
      // stored is one collection, each object once.
      const objects = await knex
        .withSchema('homelab')
        .table('homelab_flux_objects')
        .where({ cluster: 'production' });
      const keys = objects.map(o => `${o.kind} ${o.namespace}/${o.name}`);
      expect(next.item_count).toBeGreaterThan(0);
      expect(keys).toHaveLength(next.item_count);
      expect(new Set(keys).size).toBe(keys.length);
      expect(
        new Set(objects.map(o => new Date(o.collected_at).getTime())).size,
      ).toBe(1);
    } finally {
      await Promise.all([firstStopped ?? first.stop(), second?.stop()]);
      await cluster.stop();
    }
  });

  it('stops a run that reaches its timeout, recording it as interrupted', async () => {
    const knex = await databases.init('POSTGRES_15');
    const connection = knex.client.config.connection as JsonObject;
    const cluster = await KubernetesApiTestServer.start({
      ...snapshotServerOptions(
        path.join(EXAMPLES_DIR, 'snapshots', 'production'),
      ),
      token: 'reader',
      delayMs: 60_000,
    });
    const timeoutSeconds = 2;
    const replica = await startReplica(
      connection,
      cluster.url,
      cluster.caData,
      timeoutSeconds,
    );
    try {
      await eventually(async () =>
        (await fluxRuns(knex)).some(run => run.outcome === 'interrupted'),
      );
      const [run] = await fluxRuns(knex);
      expect(run.error).toBe(
        'interrupted: the scheduler stopped the run, because the backend is stopping or the run reached its timeout of 2 s',
      );
      const ranFor =
        new Date(run.finished_at).getTime() -
        new Date(run.started_at).getTime();
      // Stopped by the scheduler's timeout (the error says so), not by its
      // cluster requests, which would have given up only after 10 seconds.
      expect(ranFor).toBeLessThan(6_000);
    } finally {
      cluster.setDelay(0);
      await replica.stop();
      await cluster.stop();
    }
  });
});
