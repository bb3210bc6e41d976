import { Knex } from 'knex';

/**
 * On an SQLite file, commits to a write-ahead log without waiting for the
 * disk (synchronous = NORMAL), rather than to a rollback journal with an
 * fsync at each commit. better-sqlite3 commits on the event loop, so every
 * fsync held every request: the collectors of a many-cluster estate, each
 * recording its runs at the same moment, held it for hundreds of
 * milliseconds at once. What NORMAL risks is a power cut losing the last
 * commits, never a damaged file, and each collection is read again at its
 * next run. Nothing changes on PostgreSQL, or on SQLite in memory, which
 * has no journal on disk.
 *
 * The journal mode stays with the file; synchronous holds for the
 * connection, the one knex's SQLite pool keeps open (at least and at most
 * one) for as long as the backend runs.
 */
export async function enableWriteAheadLog(knex: Knex): Promise<void> {
  if (!String(knex.client.config.client).includes('sqlite3')) return;
  const connection = knex.client.config.connection as
    | { filename?: string }
    | undefined;
  if (!connection?.filename || connection.filename === ':memory:') return;
  await knex.raw('PRAGMA journal_mode = WAL');
  await knex.raw('PRAGMA synchronous = NORMAL');
}
