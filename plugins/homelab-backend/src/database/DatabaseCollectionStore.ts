import { SourceFreshness } from '@homelab/plugin-homelab-common';
import { Knex } from 'knex';
import { CollectorSource } from '../collectors/collectorSources';
import { CollectionStore, RunRecord } from './CollectionStore';
import { CollectionRunRow, CollectionStateRow, isoTime } from './tables';

const RUNS = 'homelab_collection_runs';
const STATE = 'homelab_collection_state';

function freshnessOf(row: CollectionStateRow): SourceFreshness {
  let state: SourceFreshness['state'] = 'fresh';
  if (!row.last_success_at) state = 'never-collected';
  else if (row.last_error) state = 'stale';
  return {
    source: row.source,
    ...(row.cluster ? { cluster: row.cluster } : {}),
    state,
    ...(row.last_success_at
      ? { collectedAt: isoTime(row.last_success_at) }
      : {}),
    checkedAt: isoTime(row.last_attempt_at),
    ...(row.last_error ? { error: row.last_error } : {}),
    ...(row.warnings ? { warnings: JSON.parse(row.warnings) } : {}),
  };
}

/** The collection runs and each source's freshness, in knex. */
export class DatabaseCollectionStore implements CollectionStore {
  constructor(private readonly knex: Knex) {}

  async recordRun(run: RunRecord): Promise<void> {
    const cluster = run.cluster ?? '';
    await this.knex.transaction(async tx => {
      await tx<CollectionRunRow>(RUNS).insert({
        source: run.source,
        cluster,
        started_at: run.startedAt,
        finished_at: run.finishedAt,
        succeeded: run.succeeded,
        error: run.error ?? null,
        item_count: run.itemCount ?? null,
      });
      const previous = await tx<CollectionStateRow>(STATE)
        .where({ source: run.source, cluster })
        .first();
      await tx<CollectionStateRow>(STATE)
        .insert({
          source: run.source,
          cluster,
          last_attempt_at: run.finishedAt,
          last_success_at: run.succeeded
            ? run.finishedAt
            : previous?.last_success_at ?? null,
          last_error: run.succeeded ? null : run.error ?? 'failed',
          warnings: run.warnings?.length ? JSON.stringify(run.warnings) : null,
        })
        .onConflict(['source', 'cluster'])
        .merge();
    });
  }

  async freshness(sources?: CollectorSource[]): Promise<SourceFreshness[]> {
    const query = this.knex<CollectionStateRow>(STATE).orderBy([
      'source',
      'cluster',
    ]);
    if (sources) query.whereIn('source', sources);
    return (await query).map(freshnessOf);
  }

  async prune(before: Date): Promise<void> {
    await this.knex<CollectionRunRow>(RUNS)
      .where('started_at', '<', before)
      .delete();
  }
}
