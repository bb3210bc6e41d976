import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createClusterClient,
  readClusterConnections,
} from '@homelab/plugin-homelab-node';
import {
  KubernetesApiTestServer,
  snapshotServerOptions,
} from '@homelab/plugin-homelab-node/testUtils';
import path from 'node:path';
import { readHomelabBackendConfig } from '../config';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import {
  EXAMPLES_DIR,
  exampleEntities,
} from '../example/__testUtils__/exampleHomelab';
import { createCollectors } from './createCollectors';

jest.setTimeout(60_000);

const TOKEN = 'homelab-reader-token';
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const snapshot = (cluster: string) =>
  snapshotServerOptions(path.join(EXAMPLES_DIR, 'snapshots', cluster));

/** The example's recorded collections with one HelmRelease changed, as after an upgrade. */
function upgraded(cluster: string, release: string, version: string) {
  const { collections } = snapshot(cluster);
  const key = '/apis/helm.toolkit.fluxcd.io/v2/helmreleases';
  collections[key] = collections[key].map((object: any) =>
    object.metadata.name === release
      ? {
          ...object,
          status: {
            ...object.status,
            history: [
              { ...object.status.history[0], chartVersion: version },
              ...object.status.history,
            ],
          },
        }
      : object,
  );
  const vulnerabilities =
    '/apis/aquasecurity.github.io/v1alpha1/vulnerabilityreports';
  collections[vulnerabilities] = collections[vulnerabilities].slice(1);
  return collections;
}

describe('collectors against local HTTP servers speaking the Kubernetes API with the recorded objects of two clusters', () => {
  let servers: Record<'production' | 'staging', KubernetesApiTestServer>;
  let store: DatabaseHomelabStore;
  let collectors: ReturnType<typeof createCollectors>;

  beforeEach(async () => {
    servers = {
      production: await KubernetesApiTestServer.start({
        ...snapshot('production'),
        token: TOKEN,
      }),
      staging: await KubernetesApiTestServer.start({
        ...snapshot('staging'),
        token: TOKEN,
      }),
    };
    const config = new ConfigReader({
      homelab: {
        clusters: Object.entries(servers).map(([name, server]) => ({
          name,
          url: server.url,
          caData: server.caData,
          token: TOKEN,
          pageSize: 10,
          requestTimeoutMs: 2000,
        })),
      },
    });
    store = await DatabaseHomelabStore.create(
      mockServices.database({ knex: await databases.init('SQLITE_3') }),
    );
    collectors = createCollectors({
      config: readHomelabBackendConfig(config),
      logger: mockServices.logger.mock(),
      store,
      clients: readClusterConnections(config).map(createClusterClient),
      catalog: catalogServiceMock({ entities: await exampleEntities() }),
      auth: mockServices.auth(),
      urlReader: mockServices.urlReader.mock(),
    });
  });
  afterEach(async () => {
    await Promise.all(Object.values(servers).map(server => server.stop()));
  });

  const collectAll = async () => {
    await collectors.workloads!();
    await collectors.flux!();
    await collectors.security!();
  };

  it('says when no finding could be attributed to an app, because the catalog had not read the apps yet', async () => {
    const warningsOf = async () =>
      (await store.collections.freshness())
        .filter(f => f.source === 'security')
        .map(f => `${f.cluster}: ${f.warnings?.[0] ?? 'no warning'}`);
    await collectAll();
    expect(
      (await warningsOf()).filter(w => w.includes('The catalog had no entity')),
    ).toEqual([]);

    const early = createCollectors({
      config: readHomelabBackendConfig(new ConfigReader({ homelab: {} })),
      logger: mockServices.logger.mock(),
      store,
      clients: readClusterConnections(
        new ConfigReader({
          homelab: {
            clusters: [
              {
                name: 'staging',
                url: servers.staging.url,
                caData: servers.staging.caData,
                token: TOKEN,
              },
            ],
          },
        }),
      ).map(createClusterClient),
      catalog: catalogServiceMock({ entities: [] }),
      auth: mockServices.auth(),
      urlReader: mockServices.urlReader.mock(),
    });
    await early.security!();
    expect(await warningsOf()).toContain(
      'staging: The catalog had no entity claiming Kubernetes workloads: no finding is attributed to an app until the next collection',
    );
  });

  it('reads Flux, Trivy, Polaris and Kyverno objects of both clusters page by page, with the token', async () => {
    await collectAll();
    expect(
      (await store.collections.freshness()).map(
        f => `${f.source} ${f.cluster} ${f.state}`,
      ),
    ).toEqual([
      'flux production fresh',
      'flux staging fresh',
      'security production fresh',
      'security staging fresh',
      'workloads production fresh',
      'workloads staging fresh',
    ]);
    // Production's 26 toolkit objects, and the ArtifactGenerator of its Flux
    // 2.7 with the two ExternalArtifacts it generates.
    expect(
      await store.flux.fluxObjects({ cluster: 'production' }),
    ).toHaveLength(29);
    const production = servers.production.requests;
    expect(production.every(r => r.authorized)).toBe(true);
    // Ten reports a page.
    const reports =
      snapshot('production').collections[
        '/apis/aquasecurity.github.io/v1alpha1/vulnerabilityreports'
      ].length;
    expect(reports).toBeGreaterThan(20);
    expect(
      production.filter(r => r.path.endsWith('/vulnerabilityreports')).length,
    ).toBe(Math.ceil(reports / 10));
    expect(production.map(r => r.path)).toContain(
      '/api/v1/namespaces/polaris/services/polaris-dashboard/proxy/results.json',
    );
    expect(production.map(r => r.path)).toContain(
      '/apis/wgpolicyk8s.io/v1alpha2/policyreports',
    );
    expect(servers.staging.requests.map(r => r.path)).toContain(
      '/apis/openreports.io/v1alpha1/reports',
    );
    // Staging's Flux serves OCIRepository in v1beta2 only: v1 answers 404.
    expect(
      servers.staging.requests
        .filter(r => r.path.endsWith('/ocirepositories'))
        .map(r => r.path),
    ).toEqual([
      '/apis/source.toolkit.fluxcd.io/v1/ocirepositories',
      '/apis/source.toolkit.fluxcd.io/v1beta2/ocirepositories',
    ]);
  });

  it('updates the healthy cluster, keeps everything of the one that fails mid-collection, and marks it stale with its error', async () => {
    await collectAll();
    const before = {
      flux: await store.flux.fluxObjects({ cluster: 'production' }),
      findings: await store.posture.findings(
        { cluster: 'production' },
        { offset: 0, limit: 500 },
      ),
      summaries: await store.posture.latestSummaries({ cluster: 'production' }),
    };

    servers.staging.setCollections(upgraded('staging', 'nextcloud', '6.6.5'));
    servers.production.setCollections(
      upgraded('production', 'nextcloud', '6.6.4'),
    );
    // Production answers the discovery and the first lists, then fails.
    servers.production.failWith(500, 'InternalError', 3);
    await collectors.flux!();
    servers.production.recover();
    servers.production.failWith(503, 'ServiceUnavailable', 5);
    await collectors.security!();

    const nextcloud = async (cluster: string) =>
      (await store.flux.fluxObjects({ cluster, name: 'nextcloud' }))[0]
        .revision;
    expect(await nextcloud('staging')).toBe('6.6.5');
    expect(await nextcloud('production')).toBe('6.5.2');
    expect(await store.flux.fluxObjects({ cluster: 'production' })).toEqual(
      before.flux,
    );
    expect(
      await store.posture.findings(
        { cluster: 'production' },
        { offset: 0, limit: 500 },
      ),
    ).toEqual(before.findings);
    expect(
      await store.posture.latestSummaries({ cluster: 'production' }),
    ).toEqual(before.summaries);
    expect(
      (
        await store.posture.findings(
          { cluster: 'staging' },
          { offset: 0, limit: 1 },
        )
      ).totalCount,
    ).toBeLessThan(before.findings.totalCount);

    const freshness = await store.collections.freshness(['flux', 'security']);
    expect(freshness).toEqual([
      expect.objectContaining({
        source: 'flux',
        cluster: 'production',
        state: 'stale',
        collectedAt: expect.any(String),
        error: expect.stringMatching(
          /^cluster "production": the API server answered HTTP 500/,
        ),
      }),
      expect.objectContaining({
        source: 'flux',
        cluster: 'staging',
        state: 'fresh',
      }),
      expect.objectContaining({
        source: 'security',
        cluster: 'production',
        state: 'stale',
        error: expect.stringContaining('HTTP 503'),
      }),
      expect.objectContaining({
        source: 'security',
        cluster: 'staging',
        state: 'fresh',
      }),
    ]);
    expect(JSON.stringify(freshness)).not.toContain(TOKEN);
  });

  it("stops a run when the scheduler's signal aborts, recording it as interrupted and writing nothing it read after", async () => {
    await collectAll();
    const before = await store.flux.fluxObjects({ cluster: 'production' });
    servers.production.setCollections(
      upgraded('production', 'nextcloud', '6.6.4'),
    );
    servers.production.setDelay(1500);
    const scheduler = new AbortController();
    const started = Date.now();
    const collecting = collectors.flux!(scheduler.signal);
    setTimeout(() => {
      scheduler.abort();
      // Later reads are quick, so a run that ignored the signal would write.
      servers.production.setDelay(0);
    }, 300);
    await collecting;
    expect(Date.now() - started).toBeLessThan(1200);
    const [production] = await store.collections.freshness(['flux']);
    expect(production).toMatchObject({
      cluster: 'production',
      state: 'stale',
      error:
        'interrupted: the scheduler stopped the run, because the backend is stopping or the run reached its timeout of 120 s',
    });

    // The abandoned reads end, and their result is not written.
    await new Promise(resolve => setTimeout(resolve, 3000));
    expect(await store.flux.fluxObjects({ cluster: 'production' })).toEqual(
      before,
    );
    expect((await store.collections.freshness(['flux']))[0]).toEqual(
      production,
    );
  });

  it('does not let a cluster that times out hold back the other', async () => {
    await collectAll();
    servers.production.setDelay(5000);
    servers.staging.setCollections(upgraded('staging', 'nextcloud', '6.6.5'));
    await collectors.flux!();
    const [production, staging] = await store.collections.freshness(['flux']);
    expect(production).toMatchObject({
      state: 'stale',
      error: 'cluster "production": the request timed out',
    });
    expect(staging).toMatchObject({ state: 'fresh' });
    expect(
      (
        await store.flux.fluxObjects({ cluster: 'staging', name: 'nextcloud' })
      )[0].revision,
    ).toBe('6.6.5');
  });
});
