import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { BackupStore } from './BackupStore';
import { DatabaseBackupStore } from './DatabaseBackupStore';
import { DatabaseClusterSnapshotStore } from './DatabaseClusterSnapshotStore';
import { DatabaseCollectionStore } from './DatabaseCollectionStore';
import { DatabaseFluxObjectStore } from './DatabaseFluxObjectStore';
import { DatabasePostureStore } from './DatabasePostureStore';
import { DatabaseSloStore } from './DatabaseSloStore';
import {
  databaseUnreachableReason,
  DatabaseUnavailableError,
} from './DatabaseUnavailableError';
import { FluxObjectStore } from './FluxObjectStore';
import { HomelabStore } from './HomelabStore';
import { ClusterSnapshotStore } from './ClusterSnapshotStore';
import { CollectionStore } from './CollectionStore';
import { PostureStore } from './PostureStore';
import { SloStore } from './SloStore';
import { enableWriteAheadLog } from './writeAheadLog';

/**
 * The store with every failure to reach the database thrown as a
 * DatabaseUnavailableError, whichever method met it.
 */
function reportingOutages<T extends object>(store: T): T {
  return new Proxy(store, {
    get(target, key, receiver) {
      const member = Reflect.get(target, key, receiver);
      if (typeof member !== 'function') return member;
      return async (...args: unknown[]) => {
        try {
          return await member.apply(target, args);
        } catch (error) {
          const reason = databaseUnreachableReason(error);
          throw reason ? new DatabaseUnavailableError(reason) : error;
        }
      };
    },
  });
}

/**
 * Everything the collectors gather, through knex on SQLite or PostgreSQL.
 * Replacements happen in one transaction, so readers see the old data or
 * the new, never half of either. A database that cannot be reached is a
 * DatabaseUnavailableError from every store.
 */
export class DatabaseHomelabStore implements HomelabStore {
  /** The store on the plugin's database (on an SQLite file, with a write-ahead log), migrated to the latest schema unless migrations are skipped. */
  static async create(
    database: DatabaseService,
  ): Promise<DatabaseHomelabStore> {
    const knex = await database.getClient();
    await enableWriteAheadLog(knex);
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

  readonly backups: BackupStore;
  readonly collections: CollectionStore;
  readonly flux: FluxObjectStore;
  readonly posture: PostureStore;
  readonly snapshots: ClusterSnapshotStore;
  readonly slos: SloStore;

  private constructor(knex: Knex) {
    this.backups = reportingOutages(new DatabaseBackupStore(knex));
    this.collections = reportingOutages(new DatabaseCollectionStore(knex));
    this.flux = reportingOutages(new DatabaseFluxObjectStore(knex));
    this.posture = reportingOutages(new DatabasePostureStore(knex));
    this.snapshots = reportingOutages(new DatabaseClusterSnapshotStore(knex));
    this.slos = reportingOutages(new DatabaseSloStore(knex));
  }
}
