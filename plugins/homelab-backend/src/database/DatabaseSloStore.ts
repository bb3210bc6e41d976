import { Knex } from 'knex';
import { SloStore, StoredSlo } from './SloStore';
import { INSERT_CHUNK, SloHistoryRow, SloRow } from './tables';

const SLOS = 'homelab_slos';
const HISTORY = 'homelab_slo_history';

const storedSlo = (row: SloRow): StoredSlo => ({
  definition: JSON.parse(row.definition),
  status: JSON.parse(row.status),
});

/** SLOs with their latest evaluation and their history, in knex. */
export class DatabaseSloStore implements SloStore {
  constructor(private readonly knex: Knex) {}

  async replaceSlos(slos: StoredSlo[], evaluatedAt: Date): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx<SloRow>(SLOS).delete();
      const rows: SloRow[] = slos.map(({ definition, status }) => ({
        id: definition.id,
        entity_ref: definition.entityRef ?? null,
        definition: JSON.stringify(definition),
        status: JSON.stringify(status),
        evaluated_at: evaluatedAt,
      }));
      await tx.batchInsert(SLOS, rows, INSERT_CHUNK);
      const history: Omit<SloHistoryRow, 'id'>[] = slos.map(
        ({ definition, status }) => ({
          slo_id: definition.id,
          evaluated_at: evaluatedAt,
          state: status.state,
          sli: status.sli,
          error_budget_remaining: status.errorBudgetRemaining,
        }),
      );
      await tx.batchInsert(HISTORY, history, INSERT_CHUNK);
    });
  }

  async slos(filter: { entityRef?: string } = {}): Promise<StoredSlo[]> {
    const query = this.knex<SloRow>(SLOS).orderBy('id');
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    return (await query).map(storedSlo);
  }

  async slo(id: string): Promise<StoredSlo | undefined> {
    const row = await this.knex<SloRow>(SLOS).where({ id }).first();
    return row ? storedSlo(row) : undefined;
  }

  async prune(before: Date): Promise<void> {
    await this.knex<SloHistoryRow>(HISTORY)
      .where('evaluated_at', '<', before)
      .delete();
  }
}
