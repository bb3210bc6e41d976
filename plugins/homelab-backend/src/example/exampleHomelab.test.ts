import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  PrometheusAnswerRecorder,
  PrometheusTestServer,
} from '@homelab/plugin-homelab-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { createCollectors } from '../collectors/createCollectors';
import { readHomelabBackendConfig } from '../config';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import homelabPlugin from '../index';
import { buildCapacityReport } from '../capacity/buildCapacityReport';
import { COLLECTOR_SOURCES } from '../collectors/collectorSources';
import { buildPowerReport } from '../power/buildPowerReport';
import { readPowerSettings } from '../power/PowerSettings';
import { EntityIndex } from '../workloads/EntityIndex';
import {
  DEMO_END,
  demoPrometheusHistory,
} from './__testUtils__/demoPrometheusHistory';
import {
  EXAMPLE_PROMETHEUS_DIR,
  EXAMPLE_SLO_SETTINGS,
  EXAMPLES_DIR,
  exampleClusterClients,
  exampleEntities,
} from './__testUtils__/exampleHomelab';

jest.setTimeout(120_000);

/** The demo portal's homelab.power, from the repository's app-config.yaml. */
const DEMO_POWER = parseYaml(
  fs.readFileSync(path.join(EXAMPLES_DIR, '../app-config.yaml'), 'utf8'),
).homelab.power;

/*
 * The example homelab as `npm start` shows it: the real plugin in a test
 * backend, reading the recorded cluster snapshots under examples/snapshots
 * and the recorded Prometheus answers under examples/prometheus through the
 * same parsers as live data, and answering through its REST API.
 *
 * UPDATE_DEMO_PROMETHEUS=1 re-records the Prometheus answers from a real
 * Prometheus holding the demo history (__testUtils__/demoPrometheusHistory.ts), evaluated
 * at DEMO_END; run it after changing the example SLOs, then
 * `prettier --write examples/prometheus` (the recorder writes JSON.stringify's
 * layout, which the format check of `npm test` refuses).
 */

if (process.env.UPDATE_DEMO_PROMETHEUS) {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  it('records the Prometheus answers of the example SLOs from a real Prometheus', async () => {
    const prometheus = await PrometheusTestServer.start(
      demoPrometheusHistory(),
    );
    try {
      fs.rmSync(EXAMPLE_PROMETHEUS_DIR, { recursive: true, force: true });
      const knex = await databases.init('SQLITE_3');
      const store = await DatabaseHomelabStore.create(
        mockServices.database({ knex }),
      );
      const { slo } = createCollectors({
        // The demo's minimumEvents: the SLOs' event counts are queried too.
        config: readHomelabBackendConfig(
          new ConfigReader({ homelab: { slos: EXAMPLE_SLO_SETTINGS } }),
        ),
        logger: mockServices.logger.mock(),
        store,
        clients: exampleClusterClients(),
        prometheus: new PrometheusAnswerRecorder(
          prometheus.url,
          EXAMPLE_PROMETHEUS_DIR,
        ),
        catalog: catalogServiceMock({ entities: await exampleEntities() }),
        auth: mockServices.auth(),
        urlReader: mockServices.urlReader.mock(),
        now: () => new Date(DEMO_END * 1000),
      });
      await slo!();
      expect(await store.collections.freshness()).toEqual([
        expect.objectContaining({ source: 'slo', state: 'fresh' }),
      ]);
      // The power report's queries, with the demo's homelab.power.
      const entities = await exampleEntities();
      const power = await buildPowerReport({
        resources: entities.filter(e => e.spec?.homelab),
        index: new EntityIndex(entities),
        workloads: new Map(),
        prometheus: new PrometheusAnswerRecorder(
          prometheus.url,
          EXAMPLE_PROMETHEUS_DIR,
        ),
        settings: readPowerSettings(
          new ConfigReader({ homelab: { power: DEMO_POWER } }),
        ),
        now: new Date(DEMO_END * 1000),
      });
      expect(power.warnings).toEqual([]);
      // The capacity report's range queries of use per node.
      const capacity = await buildCapacityReport({
        resources: entities.filter(e => e.spec?.homelab),
        workloads: [],
        prometheus: new PrometheusAnswerRecorder(
          prometheus.url,
          EXAMPLE_PROMETHEUS_DIR,
        ),
        now: new Date(DEMO_END * 1000),
      });
      expect(capacity.warnings).toEqual([]);
    } finally {
      await prometheus.stop();
    }
  });
} else {
  describe('the example homelab, collected by the plugin from recorded snapshots and Prometheus answers', () => {
    let server: any;
    let scheduler: SchedulerService;
    const recordedAnswers: string[] = [];

    beforeAll(async () => {
      const backend = await startTestBackend({
        features: [
          homelabPlugin,
          catalogServiceMock.factory({ entities: await exampleEntities() }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          // The plugin's own scheduler, to run its collectors one by one.
          createBackendModule({
            pluginId: 'homelab',
            moduleId: 'test-scheduler',
            register(env) {
              env.registerInit({
                deps: { pluginScheduler: coreServices.scheduler },
                async init({ pluginScheduler }) {
                  scheduler = pluginScheduler;
                },
              });
            },
          }),
          mockServices.rootConfig.factory({
            data: {
              homelab: {
                clusters: ['production', 'staging'].map(name => ({
                  name,
                  snapshotDirectory: path.join(EXAMPLES_DIR, 'snapshots', name),
                })),
                prometheus: { snapshotDirectory: EXAMPLE_PROMETHEUS_DIR },
                power: DEMO_POWER,
                slos: EXAMPLE_SLO_SETTINGS,
              },
            },
          }),
        ],
      });
      server = backend.server;
      // In the order of their default schedules: workloads first.
      for (const name of COLLECTOR_SOURCES) {
        await scheduler.triggerTask(`homelab-collect-${name}`);
      }
      recordedAnswers.push(...fs.readdirSync(EXAMPLE_PROMETHEUS_DIR));
    });

    const get = async (url: string) => {
      const response = await request(server).get(`/api/homelab${url}`);
      expect(response.status).toBe(200);
      return response.body;
    };

    it('collects every source of both clusters, with nothing missing', async () => {
      const expectedWarnings: Record<string, string[]> = {
        security: [
          "2 Trivy report(s) list only failed checks (Trivy Operator's report.recordFailedChecksOnly): their failures count, but without their passed checks they are left out of the configuration score",
        ],
        'backups staging': [
          'Velero is not installed: the cluster does not serve velero.io/v1',
        ],
      };
      const { sources } = await get('/freshness');
      expect(
        sources.map((s: any) => `${s.source} ${s.cluster ?? ''} ${s.state}`),
      ).toEqual([
        'backups production fresh',
        'backups staging fresh',
        'certificates production fresh',
        'certificates staging fresh',
        'flux production fresh',
        'flux staging fresh',
        'security production fresh',
        'security staging fresh',
        'slo  fresh',
        'workloads production fresh',
        'workloads staging fresh',
      ]);
      // Nothing missing; what the reports cannot tell is said. The example's
      // ConfigAuditReports list only their failed checks, as Trivy Operator
      // writes them by default; staging runs no Velero.
      expect(
        sources.map((s: any) => [
          `${s.source} ${s.cluster ?? ''}`,
          s.warnings ?? [],
        ]),
      ).toEqual(
        sources.map((s: any) => [
          `${s.source} ${s.cluster ?? ''}`,
          expectedWarnings[
            s.source === 'backups' ? `backups ${s.cluster}` : s.source
          ] ?? [],
        ]),
      );
    });

    it('shows Flux objects with their Ready state, revisions and suspension', async () => {
      const { items } = await get('/flux/objects?cluster=staging');
      expect(items).toHaveLength(26);
      const vaultwarden = items.find(
        (o: any) => o.kind === 'HelmRelease' && o.name === 'vaultwarden',
      );
      expect(vaultwarden).toMatchObject({
        ready: 'False',
        upToDate: false,
        reason: 'UpgradeFailed',
        revision: '0.29.3',
        attemptedRevision: '0.31.0',
        entityRef: 'component:default/vaultwarden',
      });
      expect(
        items.find(
          (o: any) => o.name === 'home-assistant' && o.kind === 'HelmRelease',
        ),
      ).toMatchObject({ suspended: true, ready: 'True' });
      // Staging's Flux serves OCIRepository in v1beta2 only.
      expect(items.find((o: any) => o.kind === 'OCIRepository')).toMatchObject({
        apiVersion: 'source.toolkit.fluxcd.io/v1beta2',
        upToDate: true,
      });
      expect(
        items.find((o: any) => o.name === 'traefik' && o.kind === 'HelmRelease')
          .entityRef,
      ).toBe('component:default/staging-traefik');
    });

    it("shows production's Flux 2.7 objects: the ArtifactGenerator splitting the repository, and the ExternalArtifacts its Kustomizations apply", async () => {
      const { items } = await get('/flux/objects?cluster=production');
      const find = (kind: string, name: string) =>
        items.find((o: any) => o.kind === kind && o.name === name);
      expect(find('ArtifactGenerator', 'flux-system')).toMatchObject({
        apiVersion: 'source.extensions.fluxcd.io/v1beta1',
        upToDate: true,
        generatedArtifacts: [
          { namespace: 'flux-system', name: 'infrastructure' },
          { namespace: 'flux-system', name: 'apps' },
        ],
      });
      const apps = find('ExternalArtifact', 'apps');
      expect(apps).toMatchObject({
        upToDate: true,
        sourceRef: { kind: 'ArtifactGenerator', name: 'flux-system' },
      });
      expect(find('Kustomization', 'apps')).toMatchObject({
        sourceRef: { kind: 'ExternalArtifact', name: 'apps' },
        revision: apps.revision,
      });
      // Staging still runs Flux 2.4, which has neither API.
      const staging = await get('/flux/objects?cluster=staging');
      expect(
        staging.items.filter((o: any) =>
          ['ArtifactGenerator', 'ExternalArtifact'].includes(o.kind),
        ),
      ).toEqual([]);
    });

    it('summarises posture per cluster, namespace and entity, with numbers from the reports', async () => {
      const { items } = await get(
        `/posture/summaries?scope=entity&entityRef=${encodeURIComponent(
          'component:default/home-assistant',
        )}`,
      );
      expect(items.map((s: any) => s.key)).toEqual([
        'production:component:default/home-assistant',
        'staging:component:default/home-assistant',
      ]);
      // Alpine openssl (CVE-2024-9143 in libcrypto3 and libssl3: one unique,
      // counted once in the score), setuptools high, requests medium, zipp low.
      expect(items[0]).toMatchObject({
        vulnerabilities: {
          critical: 0,
          high: 1,
          medium: 1,
          low: 3,
          unknown: 0,
        },
        vulnerabilityScore: 100 - 10 - 3 - 1 - 1,
        exposedSecrets: 0,
        workloads: 1,
      });
      // Kyverno: host namespaces and run-as-non-root fail, four policies pass.
      expect(items[0].policy).toEqual({
        pass: 4,
        fail: 2,
        warn: 0,
        error: 0,
        skip: 0,
        unknown: 0,
      });
      expect(items[0].policyScore).toBe(67);
      const clusters = await get('/posture/summaries?scope=cluster');
      expect(clusters.items.map((s: any) => s.key)).toEqual([
        'production',
        'staging',
      ]);
      expect(clusters.items[0].compliance).toEqual([
        expect.objectContaining({ name: 'k8s-cis-1.23', pass: 94, fail: 22 }),
        expect.objectContaining({ name: 'k8s-pss-baseline-0.1' }),
        expect.objectContaining({ name: 'k8s-pss-restricted-0.1' }),
      ]);
      for (const summary of clusters.items) {
        expect(summary.score).toEqual(expect.any(Number));
      }
    });

    it('pages findings, most severe first, and never copies a matched secret', async () => {
      const first = await get(
        '/posture/findings?cluster=production&namespace=nextcloud&limit=5',
      );
      expect(first.items).toHaveLength(5);
      expect(first.items.map((f: any) => f.severity).slice(0, 2)).toEqual([
        'critical',
        'critical',
      ]);
      const secrets = await get(
        '/posture/findings?source=exposed-secret&cluster=production',
      );
      expect(secrets.items).toEqual([
        expect.objectContaining({
          checkId: 'private-key',
          severity: 'high',
          entityRef: 'component:default/nextcloud',
          workload: { kind: 'Deployment', name: 'nextcloud' },
        }),
      ]);
      expect(JSON.stringify(secrets)).not.toContain('BEGIN RSA PRIVATE KEY');
    });

    it('evaluates the SLOs from the recorded answers: healthy, overspent, warning, no data and not enough data', async () => {
      const { items } = await get('/slos');
      const byName = Object.fromEntries(
        items.map((status: any) => [status.slo.name, status]),
      );
      expect(Object.keys(byName).sort()).toEqual([
        'grafana-http-errors',
        'home-assistant-availability',
        'nextcloud-availability',
        'requests-availability',
        'vaultwarden-availability',
        'webhook-receiver-availability',
      ]);
      expect(byName['home-assistant-availability']).toMatchObject({
        state: 'ok',
        alert: 'none',
        slo: { entityRef: 'component:default/home-assistant' },
      });
      expect(
        byName['home-assistant-availability'].errorBudgetRemaining,
      ).toBeCloseTo(0.8, 6);
      // (708 h x 0.05% + 12 h x 5%) / 720 h against a 0.1% budget.
      expect(byName['nextcloud-availability'].state).toBe('breaching');
      expect(byName['nextcloud-availability'].errorBudgetRemaining).toBeCloseTo(
        1 - (708 * 0.0005 + 12 * 0.05) / 720 / 0.001,
        6,
      );
      expect(byName['vaultwarden-availability']).toMatchObject({
        state: 'warning',
        alert: 'ticket',
      });
      expect(byName['requests-availability']).toMatchObject({
        state: 'ok',
        slo: { source: 'sloth', service: 'traefik' },
      });
      expect(byName['grafana-http-errors']).toMatchObject({
        state: 'no-data',
        sli: null,
        errorBudgetRemaining: null,
        slo: { source: 'pyrra' },
      });
      // Flux's webhook receiver: 3 pushes a day, 90 in 30 days, under the
      // demo's minimumEvents of 100. One failed push is 1.1% of them, which
      // would overspend its 1% budget; it is not judged instead, and no
      // window has the events for a burn rate.
      const webhooks = byName['webhook-receiver-availability'];
      expect(webhooks).toMatchObject({
        state: 'not-enough-data',
        alert: null,
        minimumEvents: 100,
        slo: {
          source: 'sloth',
          service: 'flux',
          entityRef: 'component:default/production-flux',
        },
      });
      expect(webhooks.events).toBeCloseTo(90, 0);
      expect(webhooks.errorBudgetRemaining).toBeLessThan(0);
      expect(
        webhooks.burnRates.map((rate: any) => [
          rate.longBurnRate,
          rate.shortBurnRate,
          rate.firing,
        ]),
      ).toEqual(Array(4).fill([null, null, null]));
      // The other SLOs count thousands of requests in their shortest window.
      for (const name of [
        'home-assistant-availability',
        'nextcloud-availability',
        'vaultwarden-availability',
        'requests-availability',
      ])
        expect(byName[name].events).toBeGreaterThan(100_000);

      const detail = await get(
        `/slos/${byName['nextcloud-availability'].slo.id}`,
      );
      expect(detail.slo.series).toHaveLength(60);
      // Recorded answers are moved to end now, so the chart ends now.
      const last = Date.parse(detail.slo.series.at(-1).time);
      expect(Math.abs(last - Date.now())).toBeLessThan(5 * 60_000);
    });

    it('keeps exactly one recorded answer per query the example SLOs make', () => {
      // 8 burn-rate windows (Sloth's 3d and Pyrra's 4d among them), and for
      // each of the 30- and 28-day periods the SLI and its history; the
      // board's draw, and pods' and guests' CPU use over a day and 30 days;
      // CPU, memory and disk use per node over 14 days for capacity.
      expect(recordedAnswers).toHaveLength(20);
    });

    it('shows capacity from the recorded snapshots and use, against the seed targets', async () => {
      const { capacity, freshness } = await get('/capacity');
      const production = capacity.clusters.find(
        (c: any) => c.cluster === 'production',
      );
      const figure = (figures: any[], resource: string) =>
        figures.find(f => f.resource === resource);
      const rk1 = production.nodes.find((n: any) => n.name === 'rk1-1');
      // CoreDNS's and Flux's requests from their manifests, the rest the
      // snapshots' own; 8 cores allocatable against the 70% target.
      expect(figure(rk1.figures, 'cpu')).toMatchObject({
        allocatable: 8,
        targetPercent: 70,
      });
      expect(figure(rk1.figures, 'cpu').requests).toBeCloseTo(1.5, 9);
      expect(figure(rk1.figures, 'cpu').use).toBeGreaterThan(0);
      // 4394 MiB of working sets, Nextcloud's PostgreSQL growing 24 MiB a day.
      const memory = figure(rk1.figures, 'memory');
      expect(memory.use).toBe(4394 * 2 ** 20);
      expect(memory.trend).toMatchObject({ state: 'rising', days: 14 });
      expect(memory.trend.perDay).toBeCloseTo(24 * 2 ** 20, -3);
      expect(figure(production.figures, 'memory')).toMatchObject({
        targetPercent: 80,
        trend: { state: 'rising' },
      });
      expect(figure(production.figures, 'storage')).toMatchObject({
        targetPercent: 75,
        use: 182e9 + 96e9 + 88e9 + 3 * 31 * 0.3e9,
      });
      expect(figure(production.figures, 'pods')).toMatchObject({
        allocatable: 330,
        requests: 36,
      });
      // Nothing in the inventory says what the Proxmox server or its VM has.
      expect(capacity.hypervisors).toEqual([
        expect.objectContaining({
          name: 'proxmox',
          cpus: null,
          allocatedVcpus: null,
        }),
      ]);
      expect(capacity.warnings).toEqual([]);
      expect(freshness.map((f: any) => f.source)).toEqual([
        'workloads',
        'workloads',
      ]);
    });

    it('shows power from the recorded board draw, the inventory estimate and not measured, apportioned to apps', async () => {
      const { power, freshness } = await get('/power');
      const device = (name: string) =>
        power.devices.find((d: any) => d.name === name);
      // The board's plug: 1.5 W + 3 x (4 W + 2 W x the day's load), 16.5 W
      // on average over whole days, so 0.396 kWh a day, 11.88 in 30.
      expect(device('turing-pi-2')).toMatchObject({
        source: 'measured',
        basis:
          'avg_over_time((sum(shelly_power_watts{device="turing-pi-2"}))[14m59s:1m])',
      });
      expect(device('turing-pi-2').day.kWh).toBeCloseTo(0.396, 2);
      expect(device('turing-pi-2').month.kWh).toBeCloseTo(11.88, 1);
      expect(device('turing-pi-2').history).toHaveLength(168);
      // The inventory's "~5 W per RK1", against each module's share.
      expect(device('rk1-1')).toMatchObject({
        includedIn: 'resource:default/turing-pi-2',
        inventoryWatts: 5,
      });
      expect(device('rpi-staging')).toMatchObject({
        source: 'estimated',
        watts: 15,
        day: { hours: 24 },
      });
      expect(device('qnap')).toMatchObject({
        source: 'not-measured',
        watts: null,
      });
      expect(power.tariff.currency).toBe('SEK');
      // Apps' and unattributed shares add up to the devices' total.
      const leaves = power.consumers.filter((c: any) =>
        ['app', 'unattributed'].includes(c.kind),
      );
      const sum = (key: 'kWh' | 'cost') =>
        leaves.reduce((total: number, c: any) => total + c.month[key], 0);
      expect(sum('kWh')).toBeCloseTo(power.total.month.kWh, 9);
      expect(sum('cost')).toBeCloseTo(power.total.month.cost, 9);
      expect(
        leaves.find(
          (c: any) =>
            c.entityRef === 'component:default/nextcloud' &&
            c.cluster === 'production',
        ).source,
      ).toBe('measured');
      expect(freshness.map((f: any) => f.source)).toEqual([
        'workloads',
        'workloads',
      ]);
    });

    it('shows which versions run in staging and production', async () => {
      const { environments, apps } = await get('/drift');
      expect(environments).toEqual(['staging', 'production']);
      const byApp = Object.fromEntries(apps.map((a: any) => [a.app, a]));
      expect(byApp.nextcloud).toMatchObject({
        inSync: false,
        behind: ['production'],
        missing: [],
        entityRef: 'component:default/nextcloud',
      });
      expect(byApp.nextcloud.releases.map((r: any) => r.version)).toEqual([
        '6.6.4',
        '6.5.2',
      ]);
      expect(byApp['home-assistant']).toMatchObject({ inSync: true });
      expect(byApp.vaultwarden).toMatchObject({ inSync: true });
      // A platform service is an entity per cluster: each release names its own.
      for (const [app, service] of [
        ['flux-system', 'flux'],
        ['metallb', 'metallb'],
      ]) {
        expect(byApp[app].entityRef).toBeUndefined();
        expect(
          byApp[app].releases.map((r: any) => `${r.cluster} ${r.entityRef}`),
        ).toEqual([
          `staging component:default/staging-${service}`,
          `production component:default/production-${service}`,
        ]);
      }
      const staging = await get(
        `/drift?entityRef=${encodeURIComponent(
          'component:default/staging-flux',
        )}`,
      );
      expect(staging.apps.map((a: any) => a.app).sort()).toEqual([
        'apps',
        'flux-system',
        'infrastructure',
      ]);
    });

    it('answers what goes down with RK1 module 1, with the SLOs of the apps it stops', async () => {
      const radius = await get(
        '/blast-radius?entityRef=resource:default/rk1-1',
      );
      expect(radius.clusters).toEqual([
        expect.objectContaining({
          cluster: 'production',
          controlPlane: { total: 1, lost: 1, kept: false },
        }),
      ]);
      expect(radius.freshness).toEqual([
        expect.objectContaining({
          source: 'workloads',
          cluster: 'production',
          state: 'fresh',
        }),
      ]);
      expect(radius.slos).toContainEqual(
        expect.objectContaining({
          title: 'Nextcloud availability',
          entityRef: 'component:default/nextcloud',
          effect: 'down',
        }),
      );
      const maintenance = await get(
        '/blast-radius?entityRef=resource:default/rk1-2&mode=maintenance',
      );
      expect(maintenance.mode).toBe('maintenance');
      expect(maintenance.keepsRunning).toContain(
        'component:default/production-flux',
      );
      const missing = await request(server).get(
        '/api/homelab/blast-radius?entityRef=resource:default/nope%0Aforged',
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe(
        'No homelab resource "resource:default/nopeforged" in the catalog',
      );
    });

    it('draws the topology from the internet down to workloads and load-balancer addresses', async () => {
      const graph = await get('/topology');
      const node = (id: string) => graph.nodes.find((n: any) => n.id === id);
      const edge = (source: string, target: string) =>
        graph.edges.find(
          (e: any) => e.source === source && e.target === target,
        );
      expect(edge('internet', 'resource:default/fiber')).toBeDefined();
      expect(
        edge('resource:default/fiber', 'resource:default/udm-pro'),
      ).toBeDefined();
      expect(node('resource:default/udm-pro').kind).toBe('router');
      expect(
        edge('resource:default/rk1-1', 'resource:default/production-rk1-1'),
      ).toMatchObject({ relation: 'runs' });
      expect(
        edge(
          'resource:default/production-rk1-1',
          'resource:default/production',
        ),
      ).toMatchObject({ relation: 'member-of' });
      expect(
        node('workload:staging/vaultwarden/StatefulSet/vaultwarden'),
      ).toMatchObject({
        status: 'error',
        entityRef: 'component:default/vaultwarden',
        environment: 'staging',
      });
      expect(
        edge(
          'resource:default/production-pool',
          'load-balancer-ip:production/192.168.100.160',
        ),
      ).toMatchObject({ relation: 'assigns' });
      expect(graph.freshness.map((f: any) => f.state)).toEqual([
        'fresh',
        'fresh',
      ]);
    });
  });
}
