import {
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  clusterClientsFromConfig,
  HomelabClusterClientsService,
} from '@homelab/plugin-homelab-node';
import {
  KubernetesApiTestServer,
  snapshotServerOptions,
} from '@homelab/plugin-homelab-node/testUtils';
import express from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createCollectors } from '../collectors/createCollectors';
import { readHomelabBackendConfig } from '../config';
import { recordRun } from '../database/__testUtils__/recordRun';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import {
  EXAMPLES_DIR,
  exampleEntities,
} from '../example/__testUtils__/exampleHomelab';
import { createRouter } from './createRouter';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const TOKEN = 'flux-operator-token';

describe('the homelab REST API, with Flux changes sent to a local HTTP server speaking the Kubernetes API with recorded objects', () => {
  let cluster: KubernetesApiTestServer;
  let store: DatabaseHomelabStore;
  let clients: HomelabClusterClientsService;
  const denied = new Set<string>();
  const auditor = mockServices.auditor.mock();
  const events: Array<{ options: any; outcome?: string; error?: string }> = [];

  const app = async (homelab: object = {}) => {
    const router = await createRouter({
      config: readHomelabBackendConfig(new ConfigReader({ homelab })),
      store,
      clusterClients: clients,
      catalog: catalogServiceMock({ entities: await exampleEntities() }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      permissions: mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(({ permission }) => ({
            result: denied.has(permission.name)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
          })),
      }),
      httpAuth: mockServices.httpAuth(),
      auditor,
      urlReader: mockServices.urlReader.mock(),
      validateResponses: true,
    });
    return express().use(router).use(mockErrorHandler());
  };

  beforeAll(async () => {
    cluster = await KubernetesApiTestServer.start({
      ...snapshotServerOptions(path.join(EXAMPLES_DIR, 'snapshots', 'staging')),
      token: TOKEN,
    });
  });
  afterAll(() => cluster.stop());

  beforeEach(async () => {
    denied.clear();
    events.length = 0;
    auditor.createEvent.mockImplementation(async options => ({
      success: async () => {
        events.push({ options, outcome: 'success' });
      },
      fail: async ({ error }) => {
        events.push({ options, outcome: 'fail', error: error.message });
      },
    }));
    cluster.requests.length = 0;
    const config = new ConfigReader({
      homelab: {
        clusters: [
          {
            name: 'staging',
            url: cluster.url,
            caData: cluster.caData,
            token: TOKEN,
          },
          {
            name: 'production',
            snapshotDirectory: path.join(
              EXAMPLES_DIR,
              'snapshots',
              'production',
            ),
          },
        ],
      },
    });
    clients = clusterClientsFromConfig(config);
    store = await DatabaseHomelabStore.create(
      mockServices.database({ knex: await databases.init('SQLITE_3') }),
    );
    const collectors = createCollectors({
      config: readHomelabBackendConfig(config),
      logger: mockServices.logger.mock(),
      store,
      clients: clients.list(),
      catalog: catalogServiceMock({ entities: await exampleEntities() }),
      auth: mockServices.auth(),
      urlReader: mockServices.urlReader.mock(),
    });
    await collectors.workloads!();
    await collectors.flux!();
    await collectors.security!();
  });

  it('pages findings with filters from repeated or single query parameters, as the spec types them', async () => {
    const server = await app();
    const page = await request(server).get(
      '/posture/findings?cluster=production&severity=critical&severity=high&limit=3&offset=2',
    );
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ offset: 2, limit: 3 });
    expect(page.body.items).toHaveLength(3);
    expect(page.body.totalCount).toBeGreaterThan(5);
    expect(new Set(page.body.items.map((f: any) => f.severity))).toEqual(
      new Set(['critical']),
    );
    const single = await request(server).get(
      '/posture/findings?source=polaris&search=hostNetwork',
    );
    expect(single.status).toBe(200);
    expect(
      single.body.items.every(
        (f: any) => f.source === 'polaris' && f.checkId === 'hostNetworkSet',
      ),
    ).toBe(true);
    expect(
      single.body.freshness.map((f: any) => `${f.cluster} ${f.state}`),
    ).toEqual(['production fresh', 'staging fresh']);
  });

  it('refuses requests the spec does not allow, with the reason', async () => {
    const server = await app();
    for (const url of [
      '/posture/findings?limit=0',
      '/posture/findings?severity=catastrophic',
      '/posture/trend?scope=cluster',
      '/flux/objects?kind=Deployment',
      '/posture/findings?offset=1e21',
      '/posture/findings?offset=-1',
    ]) {
      const response = await request(server).get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 400 });
      expect(response.body.error.name).toBe('InputError');
    }
  });

  it('checks the read permission of each area', async () => {
    denied.add('homelab.posture.read');
    const server = await app();
    expect((await request(server).get('/posture/summaries')).status).toBe(403);
    expect((await request(server).get('/flux/objects')).status).toBe(200);
    expect((await request(server).get('/freshness')).status).toBe(200);
    denied.add('homelab.flux.read');
    denied.add('homelab.slo.read');
    denied.add('homelab.topology.read');
    expect((await request(server).get('/freshness')).status).toBe(403);
    expect((await request(server).get('/topology')).status).toBe(403);
    expect(
      (
        await request(server).get(
          '/blast-radius?entityRef=resource:default/rk1-1',
        )
      ).status,
    ).toBe(403);
    // Capacity answers as the spec says, and only with its own permission.
    expect((await request(server).get('/capacity')).status).toBe(200);
    denied.add('homelab.capacity.read');
    expect((await request(server).get('/capacity')).status).toBe(403);
  });

  it('reconciles through a merge patch, as the flux CLI does, audited and with the stored state updated', async () => {
    const server = await app();
    const response = await request(server).post(
      '/flux/objects/staging/HelmRelease/flux-system/nextcloud/reconcile',
    );
    expect(response.status).toBe(200);
    expect(response.body.object).toMatchObject({
      name: 'nextcloud',
      cluster: 'staging',
      entityRef: 'component:default/nextcloud',
    });
    const patch = cluster.requests.find(r => r.method === 'PATCH')!;
    expect(patch).toMatchObject({
      path: '/apis/helm.toolkit.fluxcd.io/v2/namespaces/flux-system/helmreleases/nextcloud',
      contentType: 'application/merge-patch+json',
      authorized: true,
      body: {
        metadata: {
          annotations: {
            'reconcile.fluxcd.io/requestedAt': expect.any(String),
          },
        },
      },
    });
    expect(events).toEqual([
      {
        options: expect.objectContaining({
          eventId: 'flux-object-change',
          severityLevel: 'medium',
          meta: {
            action: 'reconcile',
            cluster: 'staging',
            kind: 'HelmRelease',
            namespace: 'flux-system',
            name: 'nextcloud',
          },
        }),
        outcome: 'success',
      },
    ]);
  });

  it('suspends and resumes, and the Flux objects read back say so', async () => {
    const server = await app();
    const suspend = await request(server).post(
      '/flux/objects/staging/Kustomization/flux-system/apps/suspend',
    );
    expect(suspend.body.object).toMatchObject({ suspended: true });
    const listed = await request(server).get(
      '/flux/objects?cluster=staging&kind=Kustomization',
    );
    expect(
      listed.body.items.find((o: any) => o.name === 'apps').suspended,
    ).toBe(true);
    const resume = await request(server).post(
      '/flux/objects/staging/Kustomization/flux-system/apps/resume',
    );
    expect(resume.body.object).toMatchObject({ suspended: false });
    expect(
      cluster.requests.filter(r => r.method === 'PATCH').map(r => r.body),
    ).toEqual([{ spec: { suspend: true } }, { spec: { suspend: false } }]);
  });

  it('refuses changes without permission, to unknown objects or clusters, to kinds that cannot make them, and to recorded clusters, auditing each attempt', async () => {
    denied.add('homelab.flux.suspend');
    const server = await app();
    const cases = [
      ['/flux/objects/staging/HelmRelease/flux-system/nextcloud/suspend', 403],
      ['/flux/objects/staging/HelmRelease/flux-system/nope/reconcile', 404],
      [
        '/flux/objects/staging/ExternalArtifact/flux-system/apps/reconcile',
        400,
      ],
      ['/flux/objects/lab/HelmRelease/flux-system/nextcloud/reconcile', 404],
      [
        '/flux/objects/production/HelmRelease/flux-system/nextcloud/reconcile',
        403,
      ],
    ] as const;
    for (const [url, status] of cases) {
      const response = await request(server).post(url);
      expect({ url, status: response.status }).toEqual({ url, status });
    }
    expect(cluster.requests.filter(r => r.method === 'PATCH')).toEqual([]);
    expect(
      events.map(
        e =>
          `${e.options.meta.action} ${e.options.meta.cluster} ${e.outcome}: ${e.error}`,
      ),
    ).toEqual([
      'suspend staging fail: Not allowed: homelab.flux.suspend',
      'reconcile staging fail: No HelmRelease flux-system/nope is known in cluster "staging"',
      'reconcile staging fail: ExternalArtifacts cannot be reconciled: the controller that produces one owns it; act on its producer (its sourceRef, such as an ArtifactGenerator) instead',
      'reconcile lab fail: No HelmRelease flux-system/nextcloud is known in cluster "lab"',
      'reconcile production fail: cluster "production" is a recorded snapshot and cannot be changed',
    ]);
  });

  it('says with the Flux objects which clusters refuse changes and why, before anyone tries', async () => {
    const server = await app();
    const response = await request(server).get('/flux/objects');
    expect(response.status).toBe(200);
    expect(response.body.clusters).toEqual([
      {
        cluster: 'production',
        recorded: true,
        readOnly: true,
        reason:
          'cluster "production" is a recorded snapshot and cannot be changed',
      },
      { cluster: 'staging', recorded: false, readOnly: false },
    ]);
    const staging = await request(server).get('/flux/objects?cluster=staging');
    expect(staging.body.clusters).toEqual([
      { cluster: 'staging', recorded: false, readOnly: false },
    ]);
  });

  it('refuses a reconcile without homelab.flux.reconcile, patching nothing, while changes with other permissions go through', async () => {
    denied.add('homelab.flux.reconcile');
    const server = await app();
    const reconcile = await request(server).post(
      '/flux/objects/staging/HelmRelease/flux-system/nextcloud/reconcile',
    );
    expect(reconcile.status).toBe(403);
    expect(reconcile.body.error.message).toBe(
      'Not allowed: homelab.flux.reconcile',
    );
    expect(cluster.requests.filter(r => r.method === 'PATCH')).toEqual([]);
    const suspend = await request(server).post(
      '/flux/objects/staging/Kustomization/flux-system/apps/suspend',
    );
    expect(suspend.status).toBe(200);
    expect(
      events.map(e => `${e.options.meta.action} ${e.outcome}: ${e.error}`),
    ).toEqual([
      'reconcile fail: Not allowed: homelab.flux.reconcile',
      'suspend success: undefined',
    ]);
  });

  it('answers and audits names from the request without control characters, and never whole', async () => {
    const server = await app();
    const forged = `nope\n2026-12-01T00:00:00Z info homelab all good\u001b[0m${'x'.repeat(
      300,
    )}`;
    const unprintable = (text: string) =>
      text.includes('\n') || text.includes('\u001b');
    const change = await request(server).post(
      `/flux/objects/staging/HelmRelease/flux-system/${encodeURIComponent(
        forged,
      )}/reconcile`,
    );
    expect(change.status).toBe(404);
    expect(change.body.error.message).toMatch(
      /^No HelmRelease flux-system\/nope2026-12-01T00:00:00Z info homelab all good\[0mx+… is known in cluster "staging"$/,
    );
    expect(change.body.error.message).not.toContain('x'.repeat(300));
    expect(events).toHaveLength(1);
    const audited = JSON.stringify(events[0].options.meta);
    expect(unprintable(audited)).toBe(false);
    expect(audited).not.toContain('x'.repeat(300));
    expect(events[0].options.meta.name).toMatch(/^nope2026.*x…$/);

    const slo = await request(server).get(
      `/slos/${encodeURIComponent(forged)}`,
    );
    expect(slo.status).toBe(404);
    expect(slo.body.error.message).toMatch(/^No SLO with id nope2026.*x…$/);
    expect(unprintable(slo.body.error.message)).toBe(false);
  });

  it('shows SLO values of a failed evaluation as stale with the error, never as current', async () => {
    const definition = {
      id: 'a1',
      name: 'availability',
      objective: 0.999,
      periodSeconds: 2592000,
      source: 'openslo' as const,
      origin: 'slos.yaml',
      errorRatioQuery: '(x)',
    };
    await store.slos.replaceSlos(
      [
        {
          definition,
          status: {
            state: 'ok',
            sli: 0.9995,
            errorBudgetRemaining: 0.5,
            burnRates: [],
            alert: 'none',
            series: [],
          },
        },
      ],
      new Date('2026-11-22T05:00:00Z'),
    );
    await recordRun(store.collections, {
      source: 'slo',
      startedAt: new Date(),
      finishedAt: new Date(),
      succeeded: true,
    });
    const server = await app();
    expect((await request(server).get('/slos')).body.items[0]).toMatchObject({
      state: 'ok',
      sli: 0.9995,
    });
    await recordRun(store.collections, {
      source: 'slo',
      startedAt: new Date(),
      finishedAt: new Date(),
      succeeded: false,
      error:
        'Prometheus at http://prometheus:9090 cannot be reached: ECONNREFUSED',
    });
    const { body } = await request(server).get('/slos/a1');
    expect(body.slo).toMatchObject({
      state: 'stale',
      sli: 0.9995,
      errorBudgetRemaining: 0.5,
      error:
        'Prometheus at http://prometheus:9090 cannot be reached: ECONNREFUSED',
      series: [],
    });
    expect(body.freshness[0]).toMatchObject({ state: 'stale' });
    expect((await request(server).get('/slos/unknown')).status).toBe(404);
  });

  it('serves the topology and drift within the spec', async () => {
    const server = await app();
    const topology = await request(server).get('/topology');
    expect(topology.status).toBe(200);
    expect(topology.body.nodes.length).toBeGreaterThan(50);
    const drift = await request(server).get(
      `/drift?entityRef=${encodeURIComponent('component:default/nextcloud')}`,
    );
    expect(drift.status).toBe(200);
    expect(drift.body.apps.map((a: any) => a.app)).toEqual(['nextcloud']);
    const trend = await request(server).get(
      '/posture/trend?scope=cluster&key=staging&days=7',
    );
    expect(trend.status).toBe(200);
    expect(trend.body.points).toHaveLength(1);
    for (const mode of ['failure', 'maintenance']) {
      const radius = await request(server).get(
        `/blast-radius?entityRef=resource:default/unifi-switch&mode=${mode}`,
      );
      expect(radius.status).toBe(200);
      expect(radius.body.cutOff.length).toBe(8);
    }
    expect(
      (
        await request(server).get(
          '/blast-radius?entityRef=resource:default/rk1-1&mode=sideways',
        )
      ).status,
    ).toBe(400);
  });

  it('serves the topology prepared: gzipped with an ETag, the folded overview, and each cluster’s workloads on their own', async () => {
    const server = await app();
    const full = await request(server).get('/topology');
    expect(full.status).toBe(200);
    expect(full.headers['content-encoding']).toBe('gzip');
    const workloads = full.body.nodes.filter((n: any) => n.kind === 'workload');
    expect(workloads.length).toBeGreaterThan(10);
    const unchanged = await request(server)
      .get('/topology')
      .set('If-None-Match', full.headers.etag);
    expect(unchanged.status).toBe(304);

    const folded = await request(server).get('/topology?workloads=folded');
    expect(folded.status).toBe(200);
    expect(folded.headers.etag).not.toBe(full.headers.etag);
    expect(folded.body.nodes.some((n: any) => n.kind === 'workload')).toBe(
      false,
    );
    const namespaces = folded.body.nodes.filter(
      (n: any) => n.kind === 'namespace',
    );
    expect(
      namespaces.reduce((sum: number, n: any) => sum + n.workloads.total, 0),
    ).toBe(workloads.length);

    const production = await request(server).get(
      '/topology/clusters/production/workloads',
    );
    expect(production.status).toBe(200);
    expect(production.body.nodes.length).toBeGreaterThan(0);
    expect(
      production.body.nodes.every(
        (n: any) => n.kind === 'workload' && n.cluster === 'production',
      ),
    ).toBe(true);
    expect(
      (await request(server).get('/topology/clusters/nowhere/workloads'))
        .status,
    ).toBe(404);
    expect(
      (await request(server).get('/topology?workloads=everything')).status,
    ).toBe(400);
  });

  it('previews a promotion from the configured GitOps repository and its own data: what changes where, and each gate', async () => {
    const git = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-preview-'));
    try {
      const server = await app({
        repositories: {
          gitops: {
            localPath: path.join(git, 'gitops.git'),
            seedFrom: path.join(EXAMPLES_DIR, 'gitops'),
          },
        },
        promotion: { gates: { errorBudget: 'off' } },
      });
      const preview = await request(server)
        .post('/promotions/preview')
        .send({ app: 'nextcloud', from: 'staging', to: 'production' });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        layout:
          'fluxcd/flux2-kustomize-helm-example (clusters/production, clusters/staging)',
        promotedVersion: '6.6.4',
        targetVersion: '6.5.2',
        changes: [
          {
            slot: 'chart',
            label: 'HelmRelease nextcloud chart version',
            before: '6.5.2',
            after: '6.6.4',
            writtenAt:
              'apps/production/nextcloud-values.yaml: spec.chart.spec.version',
          },
        ],
        valuesLeftAlone: ['nextcloud.host', 'persistence.size', 'replicaCount'],
        blocked: false,
      });
      expect(preview.body.diff).toContain(
        '-      version: 6.5.2\n+      version: 6.6.4',
      );
      expect(
        preview.body.gates.map((g: any) => [g.gate, g.mode, g.passed]),
      ).toEqual([
        ['freezeWindow', 'required', true],
        ['fluxReady', 'required', true],
        ['soakTime', 'advisory', expect.any(Boolean)],
        ['criticalVulnerabilities', 'required', expect.any(Boolean)],
      ]);
      expect(preview.body.gates[1].reasons).toEqual([
        'HelmRelease flux-system/nextcloud in staging is Ready on 6.6.4',
      ]);
      expect(preview.body.summary).toContain(
        '## Promote nextcloud: staging → production',
      );

      // Nothing was written: the repository still says 6.5.2.
      const again = await request(server)
        .post('/promotions/preview')
        .send({ app: 'nextcloud', from: 'staging', to: 'production' });
      expect(again.body.targetVersion).toBe('6.5.2');

      const vaultwarden = await request(server)
        .post('/promotions/preview')
        .send({ app: 'vaultwarden', from: 'staging', to: 'production' });
      expect(vaultwarden.body.blocked).toBe(true);
      expect(vaultwarden.body.gates[1]).toMatchObject({
        gate: 'fluxReady',
        passed: false,
      });

      const unknown = await request(server)
        .post('/promotions/preview')
        .send({ app: 'whoami', from: 'staging', to: 'production' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain(
        'whoami is not deployed to staging (clusters/staging)',
      );
      const malformed = await request(server)
        .post('/promotions/preview')
        .send({ app: '../../etc', from: 'staging', to: 'production' });
      expect(malformed.status).toBe(400);

      denied.add('homelab.drift.read');
      const refused = await request(server)
        .post('/promotions/preview')
        .send({ app: 'nextcloud', from: 'staging', to: 'production' });
      expect(refused.status).toBe(403);
      denied.clear();
      denied.add('homelab.posture.read');
      const partly = await request(server)
        .post('/promotions/preview')
        .send({ app: 'nextcloud', from: 'staging', to: 'production' });
      expect(
        partly.body.gates.find(
          (g: any) => g.gate === 'criticalVulnerabilities',
        ),
      ).toEqual({
        gate: 'criticalVulnerabilities',
        mode: 'required',
        passed: null,
        reasons: ['Not allowed: homelab.posture.read'],
      });
    } finally {
      fs.rmSync(git, { recursive: true, force: true });
    }
  });

  it('says plainly that there is nothing to preview without a GitOps repository', async () => {
    const answer = await request(await app())
      .post('/promotions/preview')
      .send({ app: 'nextcloud', from: 'staging', to: 'production' });
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toBe(
      'No GitOps repository is configured (homelab.repositories.gitops), so there is nothing to preview',
    );
  });
});
