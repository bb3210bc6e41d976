import {
  coreServices,
  createBackendModule,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  LunrSearchEngine,
  MissingIndexError,
  SearchEngine,
} from '@backstage/plugin-search-backend-node';
import { searchEngineRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { PgSearchEngine } from '@backstage/plugin-search-backend-module-pg';

/**
 * A search engine that answers a query for document types none of which has
 * an index yet with no results, where Lunr throws MissingIndexError (which
 * the search router answers with HTTP 500). Lunr builds no index for a type
 * whose collator has not run yet or found no documents: TechDocs before any
 * docs are built, the catalog while it is still empty at the first indexing.
 * The search page asks for each type's count on every search, so each search
 * made a failing request (backstage/backstage#15260, #25797). Other errors
 * still fail the query.
 */
export class NoResultsForMissingIndex implements SearchEngine {
  private readonly told = new Set<string>();

  constructor(
    private readonly engine: SearchEngine,
    private readonly logger: LoggerService,
  ) {}

  setTranslator(...args: Parameters<SearchEngine['setTranslator']>) {
    this.engine.setTranslator(...args);
  }

  getIndexer(type: string) {
    return this.engine.getIndexer(type);
  }

  async query(...args: Parameters<SearchEngine['query']>) {
    try {
      return await this.engine.query(...args);
    } catch (error) {
      if (!(error instanceof MissingIndexError)) throw error;
      const types = (args[0].types ?? []).join(',');
      // Said once per set of types, not on every search.
      if (!this.told.has(types)) {
        this.told.add(types);
        this.logger.info(
          `No search index for ${types} yet (its collator has not indexed any document): answering no results`,
        );
      }
      return { results: [], numberOfResults: 0 };
    }
  }
}

/**
 * The portal's in-memory search engine where the database is not
 * PostgreSQL: Lunr, as the search backend would fall back to, behind
 * {@link NoResultsForMissingIndex}. On PostgreSQL it registers nothing and
 * search-backend-module-pg registers its engine, which answers a type without
 * documents with no results by itself.
 */
export default createBackendModule({
  pluginId: 'search',
  moduleId: 'homelab-in-memory-engine',
  register(env) {
    env.registerInit({
      deps: {
        searchEngineRegistry: searchEngineRegistryExtensionPoint,
        database: coreServices.database,
        logger: coreServices.logger,
      },
      async init({ searchEngineRegistry, database, logger }) {
        if (await PgSearchEngine.supported(database)) return;
        searchEngineRegistry.setSearchEngine(
          new NoResultsForMissingIndex(
            new LunrSearchEngine({ logger }),
            logger,
          ),
        );
      },
    });
  },
});
