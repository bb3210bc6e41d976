import {
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { clusterClientsFromConfig } from '@homelab/plugin-homelab-node';
import {
  KubernetesApiTestServer,
  snapshotServerOptions,
} from '@homelab/plugin-homelab-node/testUtils';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import path from 'node:path';
import request from 'supertest';
import { readHomelabBackendConfig } from '../config';
import { configuredPostgresIds } from '../database/__testUtils__/configuredPostgres';
import { DatabaseProxy } from '../database/__testUtils__/DatabaseProxy';
import { recordRun } from '../database/__testUtils__/recordRun';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import { EXAMPLES_DIR } from '../example/__testUtils__/exampleHomelab';
import { createRouter } from '../service/createRouter';
import { createCollectors } from './createCollectors';

jest.setTimeout(60_000);

const TOKEN = 'homelab-reader-token';
const databases = TestDatabases.create({ ids: configuredPostgresIds() });
const staging = () =>
  snapshotServerOptions(path.join(EXAMPLES_DIR, 'snapshots', 'staging'));

/** Staging's recorded objects without one HelmRelease, as after an app is removed. */
function withoutRelease(name: string) {
  const { collections } = staging();
  const key = '/apis/helm.toolkit.fluxcd.io/v2/helmreleases';
  collections[key] = collections[key].filter(
    (object: any) => object.metadata.name !== name,
  );
  return collections;
}

const SLO = {
  id: 'a1',
  name: 'availability',
  objective: 0.999,
  periodSeconds: 2592000,
  source: 'openslo' as const,
  origin: 'slos.yaml',
  errorRatioQuery: '(x)',
};
const SLO_STATUS = {
  state: 'ok' as const,
  sli: 0.9995,
  errorBudgetRemaining: 0.5,
  burnRates: [],
  alert: 'none' as const,
  series: [],
};

/** Polls until `check` holds, for at most ten seconds. */
async function eventually(check: () => Promise<boolean>) {
  for (const started = Date.now(); Date.now() - started < 10_000; ) {
    if (await check()) return;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting');
}

/** A connection pool of the plugin's own on the test's database, as the backend would give it. */
function ownPool(knex: Knex, port?: number) {
  const connection = knex.client.config.connection as JsonObject;
  return knexFactory({
    client: 'pg',
    connection: port ? { ...connection, host: '127.0.0.1', port } : connection,
    pool: { min: 0, max: 4 },
  });
}

const fluxRuns = (knex: Knex) =>
  knex('homelab_collection_runs')
    .where({ source: 'flux' })
    .orderBy(['started_at', 'id']);

describe.each(databases.eachSupportedId())(
  'collection under database faults, on %s',
  databaseId => {
    let cluster: KubernetesApiTestServer;
    let knex: Knex;

    /** The plugin's store, collectors and API on a database connection. */
    async function homelab(storeKnex: Knex, collectorConfig: JsonObject = {}) {
      const rootConfig = new ConfigReader({
        homelab: {
          collectors: collectorConfig,
          clusters: [
            {
              name: 'staging',
              url: cluster.url,
              caData: cluster.caData,
              token: TOKEN,
            },
          ],
        },
      });
      const config = readHomelabBackendConfig(rootConfig);
      const store = await DatabaseHomelabStore.create(
        mockServices.database({ knex: storeKnex }),
      );
      const clusterClients = clusterClientsFromConfig(rootConfig);
      const catalog = catalogServiceMock({ entities: [] });
      const deps = {
        config,
        store,
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      };
      const collectors = createCollectors({
        ...deps,
        clients: clusterClients.list(),
        urlReader: mockServices.urlReader.mock(),
      });
      const router = await createRouter({
        ...deps,
        clusterClients,
        permissions: mockServices.permissions(),
        httpAuth: mockServices.httpAuth(),
        auditor: mockServices.auditor.mock(),
        urlReader: mockServices.urlReader.mock(),
      });
      return {
        store,
        collectFlux: collectors.flux!,
        api: express().use(router).use(mockErrorHandler()),
      };
    }

    beforeEach(async () => {
      cluster = await KubernetesApiTestServer.start({
        ...staging(),
        token: TOKEN,
      });
      knex = await databases.init(databaseId);
    });
    const afterTest: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanUp of afterTest.splice(0)) await cleanUp();
      await cluster.stop();
    });

    it('keeps the data whole when connections are terminated mid-collection, records the run as interrupted, and recovers without a restart', async () => {
      const pool = ownPool(knex);
      afterTest.push(() => pool.destroy());
      const { store, collectFlux } = await homelab(pool);
      await collectFlux();
      const releases = async () =>
        (
          await store.flux.fluxObjects({
            cluster: 'staging',
            kind: 'HelmRelease',
          })
        ).map(o => o.name);
      const before = await store.flux.fluxObjects({ cluster: 'staging' });
      expect(await releases()).toContain('nextcloud');
      cluster.setCollections(withoutRelease('nextcloud'));

      // The collection's write waits on this lock, so that the connections
      // are terminated in the middle of it.
      const locker = await knex.transaction();
      await locker.raw(
        'lock table homelab_flux_objects in access exclusive mode',
      );
      const collecting = collectFlux();
      await eventually(async () => {
        const { rows } = await locker.raw(
          "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        return rows[0].waiting > 0;
      });
      await locker.raw(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      await locker.commit();
      await collecting;

      expect(await store.flux.fluxObjects({ cluster: 'staging' })).toEqual(
        before,
      );
      const interrupted = (await fluxRuns(knex)).at(-1);
      expect(interrupted.outcome).toBe('interrupted');
      // The driver sees the terminated connection as an error of the
      // server's or as a lost socket, depending on when it reads it.
      expect(interrupted.error).toMatch(
        /^interrupted: The homelab database is unavailable: (the server ended the connection|the connection was lost); try again shortly$/,
      );
      expect(interrupted.finished_at).not.toBeNull();
      expect(await store.collections.freshness(['flux'])).toEqual([
        expect.objectContaining({
          state: 'stale',
          error: interrupted.error,
        }),
      ]);

      await collectFlux();
      expect(await releases()).not.toContain('nextcloud');
      expect((await fluxRuns(knex)).map(run => run.outcome)).toEqual([
        'succeeded',
        'interrupted',
        'succeeded',
      ]);
    });

    it('answers 503 while the database is gone, and records the run it lost as interrupted once the database is back', async () => {
      const connection = knex.client.config.connection as JsonObject;
      const proxy = await DatabaseProxy.start({
        host: String(connection.host ?? '127.0.0.1'),
        port: Number(connection.port ?? 5432),
      });
      const proxied = ownPool(knex, proxy.port);
      try {
        const { store, collectFlux, api } = await homelab(proxied);
        await collectFlux();
        const before = await store.flux.fluxObjects({ cluster: 'staging' });

        cluster.setDelay(300);
        const collecting = collectFlux();
        await eventually(async () =>
          (await fluxRuns(knex)).some(run => run.outcome === 'running'),
        );
        await proxy.stop();
        await collecting;
        const outage = await request(api).get('/flux/objects');
        expect(outage.status).toBe(503);
        expect(outage.body.error).toEqual({
          name: 'ServiceUnavailableError',
          message:
            'The homelab database is unavailable: the connection was refused; try again shortly',
        });
        // Its end could not be written.
        expect((await fluxRuns(knex)).map(run => run.outcome)).toEqual([
          'succeeded',
          'running',
        ]);

        await proxy.start();
        cluster.setDelay(0);
        await collectFlux();
        const runs = await fluxRuns(knex);
        expect(runs.map(run => run.outcome)).toEqual([
          'succeeded',
          'interrupted',
          'succeeded',
        ]);
        expect(runs[1].error).toMatch(
          /^interrupted: the run started at .* never ended; the backend stopped or lost its database during it$/,
        );
        const answer = await request(api).get('/flux/objects');
        expect(answer.status).toBe(200);
        expect(answer.body.items).toEqual(before);
        expect(answer.body.freshness).toEqual([
          expect.objectContaining({ state: 'fresh' }),
        ]);
      } finally {
        await proxied.destroy();
        await proxy.stop();
      }
    });

    it('serves data as stale once it is older than its schedule allows, whatever kept it from being refreshed', async () => {
      const everyMinute = {
        schedule: { frequency: { minutes: 1 }, timeout: { minutes: 1 } },
      };
      const minutesAgo = (minutes: number) =>
        new Date(Date.now() - minutes * 60_000);
      const collected = async (
        store: DatabaseHomelabStore,
        source: 'flux' | 'slo',
        clusterName: string | undefined,
        minutes: number,
      ) =>
        recordRun(store.collections, {
          source,
          cluster: clusterName,
          startedAt: minutesAgo(minutes),
          finishedAt: minutesAgo(minutes),
          succeeded: true,
        });
      const { store, api } = await homelab(knex, {
        flux: everyMinute,
        slo: everyMinute,
      });
      await collected(store, 'flux', 'production', 3);
      await collected(store, 'flux', 'staging', 1);
      await collected(store, 'slo', undefined, 3);
      await store.slos.replaceSlos(
        [{ definition: SLO, status: SLO_STATUS }],
        minutesAgo(3),
      );

      const { sources } = (await request(api).get('/freshness')).body;
      expect(sources).toEqual([
        expect.objectContaining({
          source: 'flux',
          cluster: 'production',
          state: 'stale',
          error: expect.stringMatching(
            /^not refreshed for 18\d s, longer than the 120 s its schedule allows$/,
          ),
        }),
        expect.objectContaining({
          source: 'flux',
          cluster: 'staging',
          state: 'fresh',
        }),
        expect.objectContaining({ source: 'slo', state: 'stale' }),
      ]);
      expect(sources[1]).not.toHaveProperty('error');
      const slos = (await request(api).get('/slos')).body;
      expect(slos.items[0]).toMatchObject({
        state: 'stale',
        sli: SLO_STATUS.sli,
        error: sources[2].error,
      });

      // The allowance is a configurable number of periods.
      const patient = await homelab(knex, {
        flux: everyMinute,
        staleAfterPeriods: 4,
      });
      expect(
        (await request(patient.api).get('/freshness')).body.sources.map(
          (s: any) => s.state,
        ),
      ).toEqual(['fresh', 'fresh', 'fresh']);
    });
  },
);
