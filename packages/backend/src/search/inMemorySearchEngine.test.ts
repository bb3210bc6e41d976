import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import searchPlugin from '@backstage/plugin-search-backend';
import pgSearchEngine from '@backstage/plugin-search-backend-module-pg';
import {
  LunrSearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { Readable } from 'node:stream';
import request from 'supertest';
import inMemorySearchEngine, {
  NoResultsForMissingIndex,
} from './inMemorySearchEngine';

const catalogDocument = {
  title: 'ServerLAN (VLAN 100)',
  text: 'Network · VLAN 100 · 192.168.100.0/24',
  location: '/catalog/default/resource/serverlan',
};

describe('NoResultsForMissingIndex', () => {
  async function lunrWithCatalog() {
    const logger = mockServices.logger.mock();
    const lunr = new LunrSearchEngine({ logger });
    await TestPipeline.fromIndexer(await lunr.getIndexer('software-catalog'))
      .withDocuments([catalogDocument])
      .execute();
    return { lunr, logger, engine: new NoResultsForMissingIndex(lunr, logger) };
  }

  it('answers a type that has no index with no results, where Lunr throws, and says so once', async () => {
    const { lunr, logger, engine } = await lunrWithCatalog();
    const techdocs = { term: 'vlan', types: ['techdocs'] };
    await expect(lunr.query(techdocs)).rejects.toThrow(
      'Missing index for techdocs',
    );
    expect(await engine.query(techdocs)).toEqual({
      results: [],
      numberOfResults: 0,
    });
    await engine.query(techdocs);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('No search index for techdocs yet'),
    );
  });

  it('answers from the indexes that exist as Lunr does', async () => {
    const { engine } = await lunrWithCatalog();
    for (const types of [
      undefined,
      ['software-catalog'],
      ['software-catalog', 'techdocs'],
    ]) {
      const { results } = await engine.query({ term: 'vlan', types });
      expect(results.map(r => r.document.location)).toEqual([
        catalogDocument.location,
      ]);
    }
  });

  it('still fails a query that fails for another reason', async () => {
    const { lunr, logger } = await lunrWithCatalog();
    // An engine whose store is unreachable, around the real one.
    const unreachable = Object.assign(Object.create(lunr), {
      query: async () => {
        throw new Error('connection refused');
      },
    });
    await expect(
      new NoResultsForMissingIndex(unreachable, logger).query({ term: 'x' }),
    ).rejects.toThrow('connection refused');
  });
});

/** A TechDocs collator that has found no docs yet, as in the demo before any are built. */
const techdocsWithoutDocuments = createBackendModule({
  pluginId: 'search',
  moduleId: 'techdocs-without-documents',
  register(env) {
    env.registerInit({
      deps: {
        registry: searchIndexRegistryExtensionPoint,
        scheduler: coreServices.scheduler,
      },
      async init({ registry, scheduler }) {
        registry.addCollator({
          schedule: scheduler.createScheduledTaskRunner({
            frequency: { hours: 1 },
            timeout: { minutes: 1 },
          }),
          factory: {
            type: 'techdocs',
            getCollator: async () => Readable.from([]),
          },
        });
      },
    });
  },
});

describe('the portal search backend', () => {
  const databases = TestDatabases.create();

  async function searchTechdocs(
    features: Parameters<typeof startTestBackend>[0]['features'],
  ) {
    const backend = await startTestBackend({ features });
    try {
      return await request(backend.server)
        .get('/api/search/query?term=vlan&types%5B0%5D=techdocs')
        .set('Authorization', mockCredentials.user.header());
    } finally {
      await backend.stop();
    }
  }

  // As packages/backend/src/index.ts wires it: on PostgreSQL the pg module's
  // engine, on SQLite Lunr behind NoResultsForMissingIndex, never both.
  it.each(databases.eachSupportedId())(
    'answers a search among documents not indexed yet with no results on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const response = await searchTechdocs([
        mockServices.database.factory({ knex }),
        searchPlugin,
        pgSearchEngine,
        inMemorySearchEngine,
        techdocsWithoutDocuments,
      ]);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ results: [], numberOfResults: 0 });
    },
  );

  it('failed the same search with HTTP 500 on the search backend’s own engine', async () => {
    const response = await searchTechdocs([
      searchPlugin,
      techdocsWithoutDocuments,
    ]);
    expect(response.status).toBe(500);
    expect(response.body.error.name).toBe('MissingIndexError');
  });
});
