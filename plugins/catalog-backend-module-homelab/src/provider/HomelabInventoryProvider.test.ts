import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  ClusterClient,
  createClusterClient,
} from '@homelab/plugin-homelab-node';
import {
  KubernetesApiTestServer,
  loadInvalidCorpus,
  unmetExpectations,
} from '@homelab/plugin-homelab-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { catalogModuleHomelab } from '../module';
import { InventoryStatusStore } from '../status/InventoryStatusStore';
import { HomelabInventoryProvider } from './HomelabInventoryProvider';

jest.setTimeout(120_000);

const exampleDir = path.resolve(__dirname, '../../../../examples/homelab');
const nodeFixtures = path.resolve(
  __dirname,
  '../../../homelab-node/test-fixtures/kubernetes',
);
const EXAMPLE_ENTITIES = 73;

function exampleFiles(): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(exampleDir)
      .map(file => [
        file,
        fs.readFileSync(path.join(exampleDir, file), 'utf8'),
      ]),
  );
}

/** Starts a real catalog backend with the homelab module and a provider the test refreshes itself. */
async function startCatalog(
  knex: any,
  target: string,
  clusterClients: Map<string, ClusterClient> = new Map(),
) {
  let provider: HomelabInventoryProvider | undefined;
  const testProvider = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'homelab-test-provider',
    register(env) {
      env.registerInit({
        deps: {
          catalog: catalogProcessingExtensionPoint,
          database: coreServices.database,
          logger: coreServices.logger,
          urlReader: coreServices.urlReader,
        },
        async init({ catalog, database, logger, urlReader }) {
          provider = new HomelabInventoryProvider({
            name: 'hallonen',
            target,
            urlReader,
            logger,
            store: await InventoryStatusStore.create(database),
            clusterClients,
          });
          catalog.addEntityProvider(provider);
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleHomelab,
      testProvider,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: {} }),
    ],
  });
  return { backend, provider: provider! };
}

async function query(server: any, filter: string) {
  const response = await request(server)
    .get(
      `/api/catalog/entities/by-query?filter=${encodeURIComponent(
        filter,
      )}&limit=500`,
    )
    .set('Authorization', mockCredentials.user.header());
  return response.body.items as any[];
}

/** The homelab entities, once the catalog has processed them all (relations present). */
async function settledHomelabEntities(server: any, expectedCount: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const items = await query(
      server,
      'metadata.annotations.homelab.dev/inventory-source',
    );
    const processed = items.filter(item => item.relations?.length > 0);
    if (items.length === expectedCount && processed.length === expectedCount)
      return items;
    if (Date.now() > deadline) {
      throw new Error(
        `catalog holds ${items.length} homelab entities (${processed.length} processed), expected ${expectedCount}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/** Polls until `check` returns a value, for state the catalog reaches asynchronously. */
async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/** Relations of the entity of that kind and name; a System and a Resource may share a name. */
const relationsOf = (items: any[], kind: string, name: string) =>
  items
    .find(item => item.kind === kind && item.metadata.name === name)
    .relations.map((r: any) => `${r.type} ${r.targetRef}`)
    .sort();

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'the homelab inventory provider in a real catalog backend on %s',
  databaseId => {
    it('ingests the example homelab with relations both ways and no processing errors', async () => {
      const inventory = createMockDirectory();
      inventory.setContent(exampleFiles());
      const { backend, provider } = await startCatalog(
        await databases.init(databaseId),
        inventory.path,
      );
      try {
        expect(await provider.refresh()).toMatchObject({
          state: 'valid',
          entityCount: EXAMPLE_ENTITIES,
          errorCount: 0,
        });
        const items = await settledHomelabEntities(
          backend.server,
          EXAMPLE_ENTITIES,
        );
        expect(items.filter(item => item.status?.items?.length)).toEqual([]);
        expect(relationsOf(items, 'Resource', 'rk1-1')).toEqual([
          'connectedTo resource:default/serverlan',
          'hostedOn resource:default/turing-pi-2',
          'hosts resource:default/production-rk1-1',
          'ownedBy group:default/homelab-admins',
          'partOf system:default/production',
        ]);
        expect(relationsOf(items, 'Resource', 'turing-pi-2')).toEqual(
          expect.arrayContaining([
            'hosts resource:default/rk1-1',
            'hosts resource:default/rk1-3',
            'connectedTo resource:default/unifi-switch',
          ]),
        );
        expect(relationsOf(items, 'Resource', 'production')).toEqual(
          expect.arrayContaining([
            'hasPart resource:default/production-rk1-1',
            'dependencyOf component:default/production-flux',
          ]),
        );
        expect(relationsOf(items, 'System', 'staging')).toEqual(
          expect.arrayContaining(['promotesTo system:default/production']),
        );

        const status = await request(backend.server)
          .get('/api/catalog/homelab/inventory/status/hallonen')
          .set('Authorization', mockCredentials.user.header());
        expect(status.body).toMatchObject({
          provider: 'homelab-inventory:hallonen',
          state: 'valid',
          fileCount: 6,
          entityCount: EXAMPLE_ENTITIES,
        });
      } finally {
        await backend.stop();
      }
    });

    it("keeps the last good entities through every inventory of the bad-input corpus, reporting each one's problems", async () => {
      const inventory = createMockDirectory();
      inventory.setContent(exampleFiles());
      const { backend, provider } = await startCatalog(
        await databases.init(databaseId),
        inventory.path,
      );
      try {
        await provider.refresh();
        const before = await settledHomelabEntities(
          backend.server,
          EXAMPLE_ENTITIES,
        );
        const uid = (items: any[], name: string) =>
          items.find(item => item.metadata.name === name).metadata.uid;

        const failures: string[] = [];
        const corpus = loadInvalidCorpus();
        for (const corpusCase of corpus) {
          fs.rmSync(inventory.path, { recursive: true, force: true });
          fs.mkdirSync(inventory.path);
          for (const file of corpusCase.files)
            fs.writeFileSync(
              path.join(inventory.path, file.name),
              file.content,
            );
          const status = await provider.refresh();
          const { missing, unexpected } = unmetExpectations(
            corpusCase,
            status.problems,
          );
          if (
            status.state !== 'invalid' ||
            missing.length ||
            unexpected.length
          ) {
            failures.push(
              `${corpusCase.name}: state ${
                status.state
              }, missing ${JSON.stringify(
                missing,
              )}, unexpected ${unexpected.map(p => p.rule)}`,
            );
          }
          if (!status.lastValidAt)
            failures.push(`${corpusCase.name}: lost lastValidAt`);
        }
        expect(failures).toEqual([]);
        expect(corpus.length).toBeGreaterThanOrEqual(100);

        const after = await settledHomelabEntities(
          backend.server,
          EXAMPLE_ENTITIES,
        );
        expect(uid(after, 'rk1-1')).toBe(uid(before, 'rk1-1'));
        expect(uid(after, 'production')).toBe(uid(before, 'production'));

        const status = await request(backend.server)
          .get('/api/catalog/homelab/inventory/status/hallonen')
          .set('Authorization', mockCredentials.user.header());
        expect(status.body).toMatchObject({
          state: 'invalid',
          entityCount: EXAMPLE_ENTITIES,
          errorCount: expect.any(Number),
        });
        expect(status.body.problems[0]).toMatchObject({
          file: expect.stringContaining(inventory.path),
          message: expect.any(String),
        });
      } finally {
        await backend.stop();
      }
    });

    it('keeps the entities when the inventory cannot be read, and picks up changes once it is fixed', async () => {
      const inventory = createMockDirectory();
      inventory.setContent(exampleFiles());
      const { backend, provider } = await startCatalog(
        await databases.init(databaseId),
        inventory.path,
      );
      try {
        await provider.refresh();
        await settledHomelabEntities(backend.server, EXAMPLE_ENTITIES);

        fs.rmSync(inventory.path, { recursive: true, force: true });
        expect(await provider.refresh()).toMatchObject({
          state: 'unreadable',
          error: expect.stringContaining('does not exist'),
          entityCount: EXAMPLE_ENTITIES,
        });
        await settledHomelabEntities(backend.server, EXAMPLE_ENTITIES);

        const files = exampleFiles();
        files['ups.yaml'] =
          'apiVersion: homelab.dev/v1alpha1\nkind: Inventory\ndevices:\n  - name: rack-ups\n    kind: ups\n    vendor: APC\n';
        inventory.setContent(files);
        expect(await provider.refresh()).toMatchObject({
          state: 'valid',
          entityCount: EXAMPLE_ENTITIES + 1,
        });
        const items = await settledHomelabEntities(
          backend.server,
          EXAMPLE_ENTITIES + 1,
        );
        expect(
          items.find(item => item.metadata.name === 'rack-ups').spec.system,
        ).toBe('hallonen-compute');
      } finally {
        await backend.stop();
      }
    });
  },
);

describe('live discovery against local HTTP servers speaking the Kubernetes API with recorded node objects', () => {
  const readNodes = (file: string) =>
    JSON.parse(fs.readFileSync(path.join(nodeFixtures, file), 'utf8')).items;
  let production: KubernetesApiTestServer;
  let staging: KubernetesApiTestServer;

  beforeEach(async () => {
    production = await KubernetesApiTestServer.start({
      collections: { '/api/v1/nodes': readNodes('nodes-production.json') },
      token: 'prod-token',
    });
    staging = await KubernetesApiTestServer.start({
      collections: { '/api/v1/nodes': readNodes('nodes-staging.json') },
      token: 'staging-token',
    });
  });
  afterEach(async () => {
    await production.stop();
    await staging.stop();
  });

  const clients = () =>
    new Map(
      [
        ['production', production, 'prod-token'],
        ['staging', staging, 'staging-token'],
      ].map(([name, server, token]: any) => [
        name,
        createClusterClient({
          name,
          source: {
            type: 'api',
            url: server.url,
            caData: server.caData,
            token,
            skipTLSVerify: false,
          },
          requestTimeoutMs: 2000,
          pageSize: 2,
        }),
      ]),
    );

  it('updates the healthy cluster and marks the failing one stale with its error, losing nothing', async () => {
    const inventory = createMockDirectory();
    inventory.setContent(exampleFiles());
    const { backend, provider } = await startCatalog(
      await databases.init('SQLITE_3'),
      inventory.path,
      clients(),
    );
    try {
      const first = await provider.refresh();
      expect(
        first.clusters.map(c => [c.cluster, c.state, Object.keys(c.nodes)]),
      ).toEqual([
        ['production', 'ok', ['rk1-1', 'rk1-2', 'rk1-3']],
        ['staging', 'ok', ['rpi-staging']],
      ]);

      // Staging fails in the middle of its collection; production changes.
      staging.failWith(503, 'ServiceUnavailable');
      const changed = readNodes('nodes-production.json');
      changed[2].status.conditions.find((c: any) => c.type === 'Ready').status =
        'False';
      production.setCollections({ '/api/v1/nodes': changed });
      const second = await provider.refresh();
      expect(second.state).toBe('valid');
      const [prod, stag] = second.clusters;
      expect(prod).toMatchObject({
        state: 'ok',
        lastSuccessAt: second.checkedAt,
      });
      expect(prod.nodes['rk1-3']).toMatchObject({
        ready: 'False',
        stale: false,
        observedAt: second.checkedAt,
      });
      expect(stag).toMatchObject({
        state: 'failed',
        lastSuccessAt: first.checkedAt,
        error:
          'cluster "staging": the API server answered HTTP 503: ServiceUnavailable',
      });
      expect(stag.nodes['rpi-staging']).toMatchObject({
        stale: true,
        observedAt: first.checkedAt,
        ready: 'True',
        error: stag.error,
      });

      // The catalog stores the second mutation's entities: rk1-3 not ready, staging stale.
      const items = await eventually(async () => {
        const current = await settledHomelabEntities(
          backend.server,
          EXAMPLE_ENTITIES,
        );
        const live = current.find(
          item => item.metadata.name === 'production-rk1-3',
        ).spec.homelab.live;
        return live.ready === 'False' ? current : undefined;
      });
      const node = (name: string) =>
        items.find(item => item.metadata.name === name).spec.homelab;
      expect(node('staging-rpi-staging')).toMatchObject({
        presence: 'in-inventory-and-cluster',
        live: { stale: true },
      });
      expect(node('production-rk1-1')).toMatchObject({
        live: { stale: false, kubeletVersion: 'v1.31.2' },
      });
      expect(JSON.stringify(second)).not.toContain('staging-token');
      expect(JSON.stringify(second)).not.toContain('prod-token');
    } finally {
      await backend.stop();
    }
  });
});
