import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { recordRun } from './__testUtils__/recordRun';
import { DatabaseHomelabStore } from './DatabaseHomelabStore';
import { enableWriteAheadLog } from './writeAheadLog';

/** The plugin's database as Backstage makes it from this `backend.database` config. */
function pluginDatabase(database: object) {
  return DatabaseManager.fromConfig(
    mockServices.rootConfig({ data: { backend: { database } } }),
  ).forPlugin('homelab', {
    logger: mockServices.logger.mock(),
    lifecycle: mockServices.lifecycle.mock(),
  });
}

const pragma = async (knex: Knex, name: string) =>
  Object.values((await knex.raw(`PRAGMA ${name}`))[0])[0];

describe('enableWriteAheadLog', () => {
  let directory: string;
  const opened: Knex[] = [];
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-wal-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map(knex => knex.destroy()));
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it("commits to a write-ahead log, without an fsync each, on the SQLite file Backstage gives the plugin's store", async () => {
    const database = pluginDatabase({
      client: 'better-sqlite3',
      connection: { directory },
    });
    const knex = await database.getClient();
    opened.push(knex);
    expect(await pragma(knex, 'journal_mode')).toBe('delete');

    const store = await DatabaseHomelabStore.create(database);
    await recordRun(store.collections, {
      source: 'workloads',
      startedAt: new Date('2026-12-03T10:00:00Z'),
      finishedAt: new Date('2026-12-03T10:00:05Z'),
      succeeded: true,
    });

    expect(await pragma(knex, 'journal_mode')).toBe('wal');
    expect(await pragma(knex, 'synchronous')).toBe(1); // NORMAL
    expect(fs.readdirSync(directory)).toContain('homelab.sqlite-wal');
  });

  it('leaves SQLite in memory as it is', async () => {
    const knex = await pluginDatabase({
      client: 'better-sqlite3',
      connection: ':memory:',
    }).getClient();
    opened.push(knex);

    await enableWriteAheadLog(knex);

    expect(await pragma(knex, 'journal_mode')).toBe('memory');
  });

  it('asks nothing of PostgreSQL', async () => {
    // Nothing listens there: any query would fail to connect.
    const knex = knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:1/homelab',
    });
    opened.push(knex);

    await expect(enableWriteAheadLog(knex)).resolves.toBeUndefined();
  });
});
