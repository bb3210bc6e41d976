import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  Finding,
  FluxObject,
  PostureSummary,
} from '@homelab/plugin-homelab-common';
import { recordRun } from './__testUtils__/recordRun';
import { DatabaseHomelabStore } from './DatabaseHomelabStore';
import { stagedFindings } from './PostureStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

const at = (iso: string) => new Date(iso);

const flux = (cluster: string, name: string): FluxObject => ({
  cluster,
  kind: 'HelmRelease',
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  namespace: 'flux-system',
  name,
  ready: 'True',
  upToDate: true,
  reconciling: false,
  suspended: false,
});

const finding = (
  cluster: string,
  id: string,
  overrides: Partial<Finding> = {},
): Finding => ({
  id,
  cluster,
  namespace: 'shop',
  source: 'vulnerability',
  severity: 'low',
  checkId: `CVE-2024-${id}`,
  title: `vulnerability ${id}`,
  ...overrides,
});

const summary = (
  cluster: string,
  scope: PostureSummary['scope'],
  key: string,
  score: number,
  collectedAt: string,
  extra: Partial<PostureSummary> = {},
): PostureSummary => ({
  scope,
  key,
  cluster,
  score,
  vulnerabilityScore: score,
  configScore: null,
  policyScore: null,
  vulnerabilities: { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 },
  misconfigurations: { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 },
  exposedSecrets: 0,
  policy: { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 },
  workloads: 1,
  collectedAt,
  ...extra,
});

/** One collection of a cluster's posture: all its findings staged as one page, then committed. */
async function replacePosture(
  store: DatabaseHomelabStore,
  cluster: string,
  findings: Finding[],
  summaries: PostureSummary[],
  collectedAt: Date,
) {
  await store.posture.beginPosture(cluster);
  await store.posture.stageFindings(
    cluster,
    [stagedFindings('VulnerabilityReport shop/web', findings)],
    collectedAt,
  );
  return store.posture.commitPosture(cluster, {
    summaries,
    superseded: [],
    collectedAt,
  });
}

describe.each(databases.eachSupportedId())(
  'DatabaseHomelabStore on %s',
  databaseId => {
    let store: DatabaseHomelabStore;
    let knex: Awaited<ReturnType<typeof databases.init>>;
    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseHomelabStore.create(
        mockServices.database({ knex }),
      );
    });

    it('migrates down as well as up', async () => {
      expect(await knex.schema.hasTable('homelab_findings')).toBe(true);
      await knex.migrate.rollback(
        {
          directory: require('node:path').resolve(
            __dirname,
            '../../migrations',
          ),
        },
        true,
      );
      for (const table of [
        'homelab_findings',
        'homelab_findings_staged',
        'homelab_collection_state',
        'homelab_slo_history',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
    });

    it('gives the runs of the first schema their outcome', async () => {
      const directory = require('node:path').resolve(
        __dirname,
        '../../migrations',
      );
      // Back to the schema before runs were recorded from their start.
      while (
        Number(await knex.migrate.currentVersion({ directory })) >=
        20261202100000
      )
        await knex.migrate.down({ directory });
      await knex('homelab_collection_runs').insert(
        [true, false].map(succeeded => ({
          source: 'flux',
          started_at: at('2026-11-22T05:00:00Z'),
          finished_at: at('2026-11-22T05:00:01Z'),
          succeeded,
        })),
      );
      await knex.migrate.latest({ directory });
      expect(
        (await knex('homelab_collection_runs').orderBy('id')).map(
          r => r.outcome,
        ),
      ).toEqual(['succeeded', 'failed']);
    });

    it('tells fresh, stale and never-collected apart, keeping the time of the last good data', async () => {
      const run = (cluster: string, time: string, error?: string) =>
        recordRun(store.collections, {
          source: 'flux',
          cluster,
          startedAt: at(time),
          finishedAt: at(time),
          succeeded: !error,
          error,
          warnings: error ? undefined : ['Flux is not installed'],
        });
      await run('production', '2026-11-22T05:00:00Z');
      await run(
        'production',
        '2026-11-22T05:02:00Z',
        'cluster "production": the request timed out',
      );
      await run('staging', '2026-11-22T05:00:00Z');
      await run(
        'lab',
        '2026-11-22T05:00:00Z',
        'cluster "lab": the API server answered HTTP 401',
      );
      expect(await store.collections.freshness(['flux'])).toEqual([
        {
          source: 'flux',
          cluster: 'lab',
          state: 'never-collected',
          checkedAt: '2026-11-22T05:00:00.000Z',
          error: 'cluster "lab": the API server answered HTTP 401',
        },
        {
          source: 'flux',
          cluster: 'production',
          state: 'stale',
          collectedAt: '2026-11-22T05:00:00.000Z',
          checkedAt: '2026-11-22T05:02:00.000Z',
          error: 'cluster "production": the request timed out',
        },
        {
          source: 'flux',
          cluster: 'staging',
          state: 'fresh',
          collectedAt: '2026-11-22T05:00:00.000Z',
          checkedAt: '2026-11-22T05:00:00.000Z',
          warnings: ['Flux is not installed'],
        },
      ]);
      // Every attempt is logged, as operators read it from the runs table.
      const runs = await knex('homelab_collection_runs')
        .where({ source: 'flux' })
        .orderBy(['started_at', 'id']);
      expect(runs.map(r => `${r.cluster} ${!!r.succeeded}`)).toEqual([
        'production true',
        'staging true',
        'lab false',
        'production false',
      ]);
    });

    it('records runs that never ended as interrupted: those of a source that runs again, and any past its deadline', async () => {
      const start = (
        source: 'flux' | 'security' | 'workloads' | 'slo',
        startedAt: string,
        deadline: string,
      ) =>
        store.collections.startRun({
          source,
          cluster: source === 'slo' ? undefined : 'production',
          startedAt: at(startedAt),
          deadline: at(deadline),
        });
      await recordRun(store.collections, {
        source: 'flux',
        cluster: 'production',
        startedAt: at('2026-11-22T05:00:00Z'),
        finishedAt: at('2026-11-22T05:00:00Z'),
        succeeded: true,
      });
      await start('flux', '2026-11-22T05:02:00Z', '2026-11-22T05:04:00Z');
      await start('workloads', '2026-11-22T05:00:00Z', '2026-11-22T05:04:00Z');
      const running = await start(
        'security',
        '2026-11-22T05:02:00Z',
        '2026-11-22T05:12:00Z',
      );
      // A run that never ended, though a later one did.
      await start('slo', '2026-11-22T05:01:00Z', '2026-11-22T05:30:00Z');
      await recordRun(store.collections, {
        source: 'slo',
        startedAt: at('2026-11-22T05:03:00Z'),
        finishedAt: at('2026-11-22T05:03:30Z'),
        succeeded: true,
      });

      expect(
        await store.collections.recordInterruptedRuns(
          at('2026-11-22T05:05:00Z'),
          ['flux', 'slo'],
        ),
      ).toBe(3);
      const runs = await knex('homelab_collection_runs').orderBy('id');
      expect(runs.map(r => `${r.source} ${r.outcome}`)).toEqual([
        'flux succeeded',
        'flux interrupted',
        'workloads interrupted',
        'security running',
        'slo interrupted',
        'slo succeeded',
      ]);
      expect(await store.collections.freshness()).toEqual([
        {
          source: 'flux',
          cluster: 'production',
          state: 'stale',
          collectedAt: '2026-11-22T05:00:00.000Z',
          checkedAt: '2026-11-22T05:02:00.000Z',
          error:
            'interrupted: the run started at 2026-11-22T05:02:00.000Z never ended; the backend stopped or lost its database during it',
        },
        expect.objectContaining({ source: 'slo', state: 'fresh' }),
        expect.objectContaining({
          source: 'workloads',
          state: 'never-collected',
          error: expect.stringMatching(/^interrupted: /),
        }),
      ]);

      // The run within its deadline was still going, and ends as usual.
      await store.collections.finishRun(running, at('2026-11-22T05:06:00Z'), {
        outcome: 'succeeded',
        itemCount: 3,
        warnings: [],
      });
      expect(await store.collections.freshness(['security'])).toEqual([
        expect.objectContaining({ state: 'fresh' }),
      ]);
      expect(
        await store.collections.recordInterruptedRuns(
          at('2026-11-22T06:00:00Z'),
          ['flux'],
        ),
      ).toBe(0);
    });

    it("replaces one cluster's Flux objects without touching another's", async () => {
      await store.flux.replaceFluxObjects(
        'production',
        [flux('production', 'a'), flux('production', 'b')],
        at('2026-11-22T05:00:00Z'),
      );
      await store.flux.replaceFluxObjects(
        'staging',
        [flux('staging', 'a')],
        at('2026-11-22T05:00:00Z'),
      );
      await store.flux.replaceFluxObjects(
        'production',
        [flux('production', 'c')],
        at('2026-11-22T05:10:00Z'),
      );
      expect(
        (await store.flux.fluxObjects()).map(o => `${o.cluster}/${o.name}`),
      ).toEqual(['production/c', 'staging/a']);
      await store.flux.updateFluxObject({
        ...flux('staging', 'a'),
        suspended: true,
      });
      expect(
        await store.flux.fluxObjects({ cluster: 'staging', name: 'a' }),
      ).toEqual([expect.objectContaining({ suspended: true })]);
    });

    it('filters, searches and pages findings, most severe first, in batches beyond one insert', async () => {
      const findings = [
        ...Array.from({ length: 450 }, (_, i) =>
          finding('production', `L${i}`),
        ),
        finding('production', 'C1', {
          severity: 'critical',
          checkId: 'CVE-2024-3094',
          resource: 'xz-utils',
        }),
        finding('production', 'H1', {
          severity: 'high',
          namespace: 'media',
          entityRef: 'component:default/jellyfin',
        }),
        finding('production', 'P1', {
          severity: 'medium',
          source: 'policy',
          checkId: 'require_run-as%nonroot',
        }),
      ];
      await replacePosture(
        store,
        'production',
        findings,
        [],
        at('2026-11-22T05:00:00Z'),
      );
      await replacePosture(
        store,
        'staging',
        [finding('staging', 'S1', { severity: 'critical' })],
        [],
        at('2026-11-22T05:00:00Z'),
      );

      const first = await store.posture.findings(
        { cluster: 'production' },
        { offset: 0, limit: 3 },
      );
      expect(first.totalCount).toBe(453);
      expect(first.items.map(f => f.severity)).toEqual([
        'critical',
        'high',
        'medium',
      ]);
      const last = await store.posture.findings(
        { cluster: 'production' },
        { offset: 450, limit: 10 },
      );
      expect(last.items).toHaveLength(3);

      expect(
        (
          await store.posture.findings(
            { severities: ['critical'] },
            { offset: 0, limit: 10 },
          )
        ).items.map(f => f.id),
      ).toEqual(['C1', 'S1']);
      expect(
        (
          await store.posture.findings(
            { search: 'XZ-utils' },
            { offset: 0, limit: 10 },
          )
        ).items.map(f => f.id),
      ).toEqual(['C1']);
      // LIKE wildcards in the search text are taken literally.
      expect(
        (
          await store.posture.findings(
            { search: 'run-as%non' },
            { offset: 0, limit: 10 },
          )
        ).items.map(f => f.id),
      ).toEqual(['P1']);
      expect(
        (
          await store.posture.findings(
            { search: 'require_run' },
            { offset: 0, limit: 10 },
          )
        ).totalCount,
      ).toBe(1);
      expect(
        (
          await store.posture.findings(
            { sources: ['policy'] },
            { offset: 0, limit: 10 },
          )
        ).totalCount,
      ).toBe(1);
      expect(
        (
          await store.posture.findings(
            { entityRef: 'component:default/jellyfin', namespace: 'media' },
            { offset: 0, limit: 10 },
          )
        ).items.map(f => f.id),
      ).toEqual(['H1']);
    });

    it('stages findings page by page and makes them current only when committed, leaving out superseded reports', async () => {
      const collectedAt = at('2026-11-22T05:00:00Z');
      await replacePosture(
        store,
        'production',
        [finding('production', 'OLD')],
        [],
        collectedAt,
      );
      // An unfinished collection's staged findings are dropped by the next.
      await store.posture.beginPosture('production');
      await store.posture.stageFindings(
        'production',
        [stagedFindings('r0', [finding('production', 'LOST')])],
        collectedAt,
      );
      await store.posture.beginPosture('production');
      await store.posture.stageFindings(
        'production',
        [
          stagedFindings('r1', [
            finding('production', 'A'),
            finding('production', 'B'),
          ]),
        ],
        collectedAt,
      );
      await store.posture.stageFindings(
        'production',
        [
          // One finding in two reports, and a report a newer one replaced.
          stagedFindings('r2', [finding('production', 'B')]),
          stagedFindings('r3', [finding('production', 'GONE')]),
        ],
        collectedAt,
      );
      const ids = async () =>
        (
          await store.posture.findings(
            { cluster: 'production' },
            { offset: 0, limit: 10 },
          )
        ).items
          .map(f => f.id)
          .sort();
      // Readers see the last collection until the new one is committed.
      expect(await ids()).toEqual(['OLD']);
      expect(
        await store.posture.commitPosture('production', {
          summaries: [],
          superseded: ['r3'],
          collectedAt,
        }),
      ).toBe(2);
      expect(await ids()).toEqual(['A', 'B']);
      expect(
        Number((await knex('homelab_findings_staged').count({ n: '*' }))[0].n),
      ).toBe(0);
    });

    it("serves each cluster's latest summaries as current, and every collection as the trend", async () => {
      await replacePosture(
        store,
        'production',
        [],
        [
          summary(
            'production',
            'cluster',
            'production',
            60,
            '2026-11-21T05:00:00.000Z',
          ),
          summary(
            'production',
            'namespace',
            'production/old',
            50,
            '2026-11-21T05:00:00.000Z',
            { namespace: 'old' },
          ),
        ],
        at('2026-11-21T05:00:00Z'),
      );
      await replacePosture(
        store,
        'production',
        [],
        [
          summary(
            'production',
            'cluster',
            'production',
            70,
            '2026-11-22T05:00:00.000Z',
          ),
        ],
        at('2026-11-22T05:00:00Z'),
      );
      await replacePosture(
        store,
        'staging',
        [],
        [
          summary(
            'staging',
            'cluster',
            'staging',
            90,
            '2026-11-20T05:00:00.000Z',
          ),
          summary(
            'staging',
            'entity',
            'staging:component:default/web',
            95,
            '2026-11-20T05:00:00.000Z',
            {
              entityRef: 'component:default/web',
            },
          ),
        ],
        at('2026-11-20T05:00:00Z'),
      );
      // The namespace deleted since the first collection is not current.
      expect(
        (await store.posture.latestSummaries()).map(s => `${s.key} ${s.score}`),
      ).toEqual([
        'production 70',
        'staging 90',
        'staging:component:default/web 95',
      ]);
      expect(
        await store.posture.latestSummaries({
          entityRef: 'component:default/web',
        }),
      ).toHaveLength(1);
      expect(
        await store.posture.latestSummaries({
          scope: 'cluster',
          cluster: 'staging',
        }),
      ).toEqual([expect.objectContaining({ key: 'staging' })]);
      expect(
        (
          await store.posture.postureTrend(
            'cluster',
            'production',
            at('2026-11-01T00:00:00Z'),
          )
        ).map(p => p.score),
      ).toEqual([60, 70]);

      await store.posture.prune(at('2026-11-21T12:00:00Z'));
      expect(
        (
          await store.posture.postureTrend(
            'cluster',
            'production',
            at('2026-11-01T00:00:00Z'),
          )
        ).map(p => p.score),
      ).toEqual([70]);
      // Pruning history never removes what is current.
      expect((await store.posture.latestSummaries()).map(s => s.key)).toEqual([
        'production',
        'staging',
        'staging:component:default/web',
      ]);
    });

    it('replaces SLOs with their latest evaluation and keeps their history', async () => {
      const definition = {
        id: 'a1',
        name: 'availability',
        objective: 0.999,
        periodSeconds: 2592000,
        source: 'openslo' as const,
        origin: 'slos.yaml',
        errorRatioQuery: '(x)',
        entityRef: 'component:default/web',
      };
      const status = (sli: number) => ({
        state: 'ok' as const,
        sli,
        errorBudgetRemaining: 1 - (1 - sli) / 0.001,
        burnRates: [],
        alert: 'none' as const,
        series: [],
      });
      await store.slos.replaceSlos(
        [{ definition, status: status(0.9995) }],
        at('2026-11-22T05:00:00Z'),
      );
      await store.slos.replaceSlos(
        [{ definition, status: status(0.9992) }],
        at('2026-11-22T05:02:00Z'),
      );
      expect(await store.slos.slo('a1')).toEqual({
        definition,
        status: status(0.9992),
      });
      expect(
        await store.slos.slos({ entityRef: 'component:default/other' }),
      ).toEqual([]);
      const history = await knex('homelab_slo_history')
        .where({ slo_id: 'a1' })
        .orderBy('evaluated_at');
      expect(history.map(row => Number(row.sli))).toEqual([0.9995, 0.9992]);
    });
  },
);
