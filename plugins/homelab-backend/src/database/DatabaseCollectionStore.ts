import { SourceFreshness } from '@homelab/plugin-homelab-common';
import { Knex } from 'knex';
import { CollectorSource } from '../collectors/collectorSources';
import { CollectionStore, RunOutcome, StartedRun } from './CollectionStore';
import {
  CollectionRunRow,
  CollectionStateRow,
  DbTime,
  isoTime,
} from './tables';

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

  async startRun(run: {
    source: CollectorSource;
    cluster?: string;
    startedAt: Date;
    deadline: Date;
  }): Promise<StartedRun> {
    const [row] = await this.knex<CollectionRunRow>(RUNS).insert(
      {
        source: run.source,
        cluster: run.cluster ?? '',
        started_at: run.startedAt,
        deadline_at: run.deadline,
        outcome: 'running',
      },
      ['id'],
    );
    return {
      id: Number(row.id),
      source: run.source,
      ...(run.cluster ? { cluster: run.cluster } : {}),
      startedAt: run.startedAt,
    };
  }

  async finishRun(
    run: StartedRun,
    finishedAt: Date,
    outcome: RunOutcome,
  ): Promise<void> {
    const succeeded = outcome.outcome === 'succeeded';
    await this.knex.transaction(async tx => {
      await tx<CollectionRunRow>(RUNS)
        .where({ id: run.id })
        .update({
          finished_at: finishedAt,
          outcome: outcome.outcome,
          succeeded,
          error: succeeded ? null : outcome.error,
          item_count: succeeded ? outcome.itemCount : null,
        });
      const previous = await tx<CollectionStateRow>(STATE)
        .where({ source: run.source, cluster: run.cluster ?? '' })
        .first();
      await this.#putState(tx, {
        source: run.source,
        cluster: run.cluster ?? '',
        last_attempt_at: finishedAt,
        last_success_at: succeeded
          ? finishedAt
          : previous?.last_success_at ?? null,
        last_error: succeeded ? null : outcome.error,
        warnings:
          succeeded && outcome.warnings.length
            ? JSON.stringify(outcome.warnings)
            : null,
      });
    });
  }

  async recordInterruptedRuns(
    now: Date,
    sources: CollectorSource[],
  ): Promise<number> {
    return this.knex.transaction(async tx => {
      const unfinished = await tx<CollectionRunRow>(RUNS)
        .where('outcome', 'running')
        .andWhere(overdue =>
          overdue.where('deadline_at', '<', now).orWhereIn('source', sources),
        )
        .orderBy('started_at');
      for (const run of unfinished) {
        const error = `interrupted: the run started at ${isoTime(
          run.started_at,
        )} never ended; the backend stopped or lost its database during it`;
        await tx<CollectionRunRow>(RUNS).where({ id: run.id }).update({
          outcome: 'interrupted',
          finished_at: now,
          succeeded: false,
          error,
        });
        await this.#recordInterruptedAttempt(tx, run, error);
      }
      return unfinished.length;
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

  /**
   * Marks the source of an interrupted run stale, unless an attempt that
   * started later has already said how the source is.
   */
  async #recordInterruptedAttempt(
    tx: Knex.Transaction,
    run: CollectionRunRow,
    error: string,
  ) {
    const previous = await tx<CollectionStateRow>(STATE)
      .where({ source: run.source, cluster: run.cluster })
      .first();
    const time = (value: DbTime) => new Date(value).getTime();
    if (previous && time(previous.last_attempt_at) > time(run.started_at))
      return;
    await this.#putState(tx, {
      source: run.source,
      cluster: run.cluster,
      last_attempt_at: new Date(run.started_at),
      last_success_at: previous?.last_success_at ?? null,
      last_error: error,
      warnings: null,
    });
  }

  async #putState(tx: Knex.Transaction, row: CollectionStateRow) {
    await tx<CollectionStateRow>(STATE)
      .insert(row)
      .onConflict(['source', 'cluster'])
      .merge();
  }
}
