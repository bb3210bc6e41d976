import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DatabaseClusterSnapshotStore } from './DatabaseClusterSnapshotStore';
import { DatabaseCollectionStore } from './DatabaseCollectionStore';
import { DatabaseFluxObjectStore } from './DatabaseFluxObjectStore';
import { DatabasePostureStore } from './DatabasePostureStore';
import { DatabaseSloStore } from './DatabaseSloStore';
import { HomelabStore } from './HomelabStore';

/**
 * Everything the collectors gather, through knex on SQLite or PostgreSQL.
 * Replacements happen in one transaction, so readers see the old data or
 * the new, never half of either.
 */
export class DatabaseHomelabStore implements HomelabStore {
  /** The store on the plugin's database, migrated to the latest schema unless migrations are skipped. */
  static async create(
    database: DatabaseService,
  ): Promise<DatabaseHomelabStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@homelab/plugin-homelab-backend',
          'migrations',
        ),
      });
    }
    return new DatabaseHomelabStore(knex);
  }

  readonly collections: DatabaseCollectionStore;
  readonly flux: DatabaseFluxObjectStore;
  readonly posture: DatabasePostureStore;
  readonly snapshots: DatabaseClusterSnapshotStore;
  readonly slos: DatabaseSloStore;

  private constructor(knex: Knex) {
    this.collections = new DatabaseCollectionStore(knex);
    this.flux = new DatabaseFluxObjectStore(knex);
    this.posture = new DatabasePostureStore(knex);
    this.snapshots = new DatabaseClusterSnapshotStore(knex);
    this.slos = new DatabaseSloStore(knex);
  }
}
