import {
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  clusterClientsFromConfig,
  inventoryToEntities,
  readInventoryFromPath,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import {
  KubernetesApiTestServer,
  snapshotServerOptions,
} from '@homelab/plugin-homelab-node/testUtils';
import express from 'express';
import path from 'node:path';
import request from 'supertest';
import { readHomelabBackendConfig } from '../config';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import {
  EXAMPLES_DIR,
  exampleEntities,
} from '../example/__testUtils__/exampleHomelab';
import { createRouter } from '../service/createRouter';
import { createCollectors } from './createCollectors';

jest.setTimeout(60_000);

const TOKEN = 'homelab-reader-token';
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
/** The moment the example's backups and certificates are judged at. */
const NOW = new Date('2026-12-02T14:30:00Z');

/**
 * The example's catalog as the catalog module makes it from the example
 * inventory with one recovery objective more: production's apps may lose at
 * most 2h, which the hourly Vaultwarden backups meet and the daily ones
 * do not.
 */
async function entitiesWithProductionRpo(): Promise<Entity[]> {
  const validation = validateInventoryFiles(
    await readInventoryFromPath(path.join(EXAMPLES_DIR, 'homelab')),
  );
  const inventory = validation.inventory!;
  inventory.recoveryObjectives.push({
    name: 'production-apps',
    rpo: '2h',
    appliesTo: [{ cluster: 'production' }],
  });
  const fromInventory = inventoryToEntities(inventory, {
    origins: validation.origins,
  });
  const names = new Set(fromInventory.map(e => `${e.kind}/${e.metadata.name}`));
  return [
    ...fromInventory,
    ...(await exampleEntities()).filter(
      e => !names.has(`${e.kind}/${e.metadata.name}`),
    ),
  ];
}

describe('backup and certificate collectors against local HTTP servers speaking the Kubernetes API with the example clusters', () => {
  let servers: Record<'production' | 'staging', KubernetesApiTestServer>;
  let store: DatabaseHomelabStore;

  async function homelab(entities: Entity[]) {
    const rootConfig = new ConfigReader({
      homelab: {
        clusters: Object.entries(servers).map(([name, server]) => ({
          name,
          url: server.url,
          caData: server.caData,
          token: TOKEN,
          pageSize: 5,
          requestTimeoutMs: 2000,
        })),
      },
    });
    const config = readHomelabBackendConfig(rootConfig);
    const clusterClients = clusterClientsFromConfig(rootConfig);
    const deps = {
      config,
      store,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      urlReader: mockServices.urlReader.mock(),
    };
    const collectors = createCollectors({
      ...deps,
      clients: clusterClients.list(),
    });
    const router = await createRouter({
      ...deps,
      clusterClients,
      permissions: mockServices.permissions(),
      httpAuth: mockServices.httpAuth(),
      auditor: mockServices.auditor.mock(),
      validateResponses: true,
    });
    return {
      collectors,
      api: express().use(router).use(mockErrorHandler()),
    };
  }

  beforeEach(async () => {
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    const start = (cluster: string) =>
      KubernetesApiTestServer.start({
        ...snapshotServerOptions(path.join(EXAMPLES_DIR, 'snapshots', cluster)),
        token: TOKEN,
      });
    servers = {
      production: await start('production'),
      staging: await start('staging'),
    };
    store = await DatabaseHomelabStore.create(
      mockServices.database({ knex: await databases.init('SQLITE_3') }),
    );
  });
  afterEach(async () => {
    jest.useRealTimers();
    await Promise.all(Object.values(servers).map(server => server.stop()));
  });

  it('reads Velero, Longhorn and k3s etcd snapshots page by page, judges them against the inventory RPO, and serves them worst first', async () => {
    const { collectors, api } = await homelab(
      await entitiesWithProductionRpo(),
    );
    await collectors.workloads!();
    await collectors.backups!();

    const response = await request(api).get('/backups').query({ limit: 500 });
    expect(response.status).toBe(200);
    const sets = response.body.items as any[];
    expect(sets.map(s => `${s.id} ${s.state}`)).toEqual([
      'production/velero/velero/hourly-vaultwarden failed',
      'production/longhorn/longhorn-system/pvc-3f1c2a9e-5b7d-4c1e-9a0f-2d6b8e4c7a11 outside-rpo',
      'production/longhorn/longhorn-system/pvc-5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a899 outside-rpo',
      'production/longhorn/longhorn-system/pvc-8a4e6c20-1d3f-4b5a-8c7e-9f0a1b2c3d44 outside-rpo',
      'production/longhorn/longhorn-system/pvc-c7d9e1f3-2a4b-4c6d-8e0f-1a2b3c4d5e66 outside-rpo',
      'production/velero/velero/daily-apps outside-rpo',
      'production/velero/velero/weekly-cluster outside-rpo',
      'staging/k3s-etcd//etcd ok',
    ]);
    const hourly = sets[0];
    expect(hourly).toMatchObject({
      tool: 'velero',
      schedule: '0 * * * *',
      coveredNamespaces: ['vaultwarden'],
      entityRefs: ['component:default/vaultwarden'],
      rpo: '2h',
      rpoFrom: 'resource:default/production',
      failuresSinceSuccess: 1,
      lastAttempt: {
        name: 'hourly-vaultwarden-20261202140000',
        phase: 'Failed',
        succeeded: false,
        errors: 1,
      },
      lastSuccess: {
        name: 'hourly-vaultwarden-20261202130000',
        completedAt: '2026-12-02T13:00:13Z',
      },
      ageSeconds: 5387,
    });
    expect(hourly.reason).toMatch(
      /^The last backup, hourly-vaultwarden-20261202140000, ended Failed: rpc error: .*connection refused$/,
    );
    // Velero's weekly schedule names no namespace: it covers every app.
    expect(sets.find(s => s.name === 'weekly-cluster')).toMatchObject({
      coveredNamespaces: ['*'],
      failuresSinceSuccess: 0,
      lastSuccess: { warnings: 5 },
      reason: 'The last successful backup is 3d 14h old, beyond the RPO of 2h',
    });
    const nextcloudData = sets.find(s => s.name.startsWith('pvc-3f1c'));
    expect(nextcloudData).toMatchObject({
      coveredNamespaces: ['nextcloud'],
      entityRefs: ['component:default/nextcloud'],
      recurringJobs: ['backup-daily'],
      schedule: '0 2 * * *',
      lastSuccess: { phase: 'Completed', completedAt: '2026-12-02T02:01:40Z' },
    });
    // Staging states no objective; its snapshots every 12 hours are recent.
    expect(sets.at(-1)).toMatchObject({
      coveredNamespaces: [],
      lastSuccess: {
        name: 'etcd-snapshot-rpi-staging-1796212800',
        phase: 'ReadyToUse',
      },
      reason:
        'The last successful backup is 2h old; the inventory states no RPO for it',
    });
    expect(
      response.body.freshness.map((f: any) => `${f.cluster} ${f.state}`),
    ).toEqual(['production fresh', 'staging fresh']);
    const paths = servers.production.requests.map(r => r.path);
    // Five a page: Velero's eight backups in two requests.
    expect(paths.filter(p => p === '/apis/velero.io/v1/backups')).toHaveLength(
      2,
    );
    expect(servers.production.requests.every(r => r.authorized)).toBe(true);
    // Staging runs no Velero: said, not failed; its Longhorn has no backups.
    expect(
      (await store.collections.freshness()).find(
        f => f.source === 'backups' && f.cluster === 'staging',
      )?.warnings,
    ).toEqual([
      'Velero is not installed: the cluster does not serve velero.io/v1',
    ]);

    const forApp = await request(api)
      .get('/backups')
      .query({ entityRef: 'component:default/vaultwarden' });
    expect(forApp.body.items.map((s: any) => s.name)).toEqual([
      'hourly-vaultwarden',
      'pvc-c7d9e1f3-2a4b-4c6d-8e0f-1a2b3c4d5e66',
      'daily-apps',
      'weekly-cluster',
    ]);
    // What covers a namespace, as the recentBackup gate asks: a set that
    // names it, and one that backs up every namespace.
    const forNamespace = await request(api)
      .get('/backups')
      .query({ cluster: 'production', namespace: 'nextcloud' });
    expect(forNamespace.body.items.map((s: any) => s.name)).toEqual([
      'pvc-3f1c2a9e-5b7d-4c1e-9a0f-2d6b8e4c7a11',
      'pvc-8a4e6c20-1d3f-4b5a-8c7e-9f0a1b2c3d44',
      'daily-apps',
      'weekly-cluster',
    ]);
    const page = await request(api)
      .get('/backups')
      .query({ state: ['failed', 'ok'], offset: 1, limit: 1 });
    expect(page.body).toMatchObject({ totalCount: 2, offset: 1, limit: 1 });
    expect(page.body.items.map((s: any) => s.name)).toEqual(['etcd']);
  });

  it('reads cert-manager Certificates, with an expired one, and one expiring whose renewal keeps failing', async () => {
    const { collectors, api } = await homelab(await exampleEntities());
    await collectors.workloads!();
    await collectors.certificates!();
    const response = await request(api).get('/certificates');
    expect(response.status).toBe(200);
    expect(
      response.body.items.map(
        (c: any) => `${c.id} ${c.state} ${c.daysToExpiry}`,
      ),
    ).toEqual([
      'staging/traefik/wildcard-staging-hallonen-se expired -5.4',
      'production/vaultwarden/vaultwarden-tls expiring 5.5',
      'production/traefik/wildcard-local-hallonen-se valid 46.7',
      'production/nextcloud/nextcloud-tls valid 69.3',
      'staging/nextcloud/nextcloud-tls valid 75.8',
    ]);
    const [expired, expiring] = response.body.items;
    expect(expired).toMatchObject({
      ready: 'False',
      readyReason: 'Expired',
      issuer: 'ClusterIssuer letsencrypt-staging',
      dnsNames: ['*.staging.hallonen.se'],
      failedIssuanceAttempts: 6,
      reason:
        'Expired on 2026-11-27T06:02:44Z; renewal failed 6 times in a row, last at 2026-12-02T06:40:03Z',
    });
    expect(expiring).toMatchObject({
      entityRef: 'component:default/vaultwarden',
      ready: 'True',
      renewalTime: '2026-11-08T04:31:10Z',
      reason:
        'Expires in 5 days, on 2026-12-08T04:31:10Z; renewal failed 4 times in a row, last at 2026-12-01T20:31:52Z',
    });
    const forCluster = await request(api)
      .get('/certificates')
      .query({ entityRef: 'resource:default/staging' });
    expect(forCluster.body.items.map((c: any) => c.id)).toEqual([
      'staging/traefik/wildcard-staging-hallonen-se',
      'staging/nextcloud/nextcloud-tls',
    ]);
  });

  it('gives backups and certificates to the apps the catalog holds when served, also those it read after the collection', async () => {
    const early = await homelab([]);
    await early.collectors.workloads!();
    await early.collectors.backups!();
    await early.collectors.certificates!();
    const { api } = await homelab(await exampleEntities());
    const backups = await request(api)
      .get('/backups')
      .query({ entityRef: 'component:default/nextcloud' });
    expect(backups.body.items.map((s: any) => s.name)).toEqual([
      'pvc-3f1c2a9e-5b7d-4c1e-9a0f-2d6b8e4c7a11',
      'pvc-8a4e6c20-1d3f-4b5a-8c7e-9f0a1b2c3d44',
      'daily-apps',
      'weekly-cluster',
    ]);
    const certificates = await request(api)
      .get('/certificates')
      .query({ entityRef: 'component:default/nextcloud' });
    expect(certificates.body.items.map((c: any) => c.id)).toEqual([
      'production/nextcloud/nextcloud-tls',
      'staging/nextcloud/nextcloud-tls',
    ]);
  });

  it('serves what it last read of a cluster that cannot be reached as unknown, with when it was read and why not since, never as ok', async () => {
    const { collectors, api } = await homelab(await exampleEntities());
    await collectors.workloads!();
    await collectors.backups!();
    await collectors.certificates!();
    await servers.staging.stop();
    jest.setSystemTime(new Date(NOW.getTime() + 60_000));
    await collectors.backups!();
    await collectors.certificates!();

    const backups = (await request(api).get('/backups')).body;
    const etcd = backups.items.find((s: any) => s.cluster === 'staging');
    expect(etcd.state).toBe('unknown');
    expect(etcd.reason).toMatch(
      /^Not read since 2026-12-02T14:30:00\.000Z \(.+\); last known: The last successful backup is 2h old/,
    );
    expect(etcd.lastSuccess.name).toBe('etcd-snapshot-rpi-staging-1796212800');
    expect(
      backups.freshness.find((f: any) => f.cluster === 'staging'),
    ).toMatchObject({
      state: 'stale',
      collectedAt: '2026-12-02T14:30:00.000Z',
    });

    const certificates = (await request(api).get('/certificates')).body;
    expect(
      certificates.items
        .filter((c: any) => c.cluster === 'staging')
        .map((c: any) => c.state),
    ).toEqual(['unknown', 'unknown']);
    // Production was read again and is judged as before.
    expect(
      certificates.items.find((c: any) => c.name === 'vaultwarden-tls').state,
    ).toBe('expiring');
  });
});
