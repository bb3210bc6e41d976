import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { InventoryStatus } from './InventoryStatus';

const TABLE = 'homelab_inventory_status';

/** One store per database, so that migrations run once however many callers start together. */
const stores = new WeakMap<Knex, Promise<InventoryStatusStore>>();

/** Inventory statuses in the catalog's database, shared by all backend replicas. */
export class InventoryStatusStore {
  static async create(
    database: DatabaseService,
  ): Promise<InventoryStatusStore> {
    const knex = await database.getClient();
    let store = stores.get(knex);
    if (!store) {
      store = (async () => {
        if (!database.migrations?.skip) {
          await knex.migrate.latest({
            directory: resolvePackagePath(
              '@homelab/plugin-catalog-backend-module-homelab',
              'migrations',
            ),
            // Apart from the catalog's own migrations, which share this database.
            tableName: 'homelab_catalog_knex_migrations',
          });
        }
        return new InventoryStatusStore(knex);
      })();
      stores.set(knex, store);
    }
    return store;
  }

  private constructor(private readonly knex: Knex) {}

  async get(provider: string): Promise<InventoryStatus | undefined> {
    const row = await this.knex(TABLE).where({ provider }).first();
    return row ? (JSON.parse(row.status) as InventoryStatus) : undefined;
  }

  async list(): Promise<InventoryStatus[]> {
    const rows = await this.knex(TABLE).orderBy('provider');
    return rows.map(row => JSON.parse(row.status) as InventoryStatus);
  }

  async put(status: InventoryStatus): Promise<void> {
    await this.knex(TABLE)
      .insert({
        provider: status.provider,
        status: JSON.stringify(status),
        updated_at: new Date(status.checkedAt),
      })
      .onConflict('provider')
      .merge();
  }
}
