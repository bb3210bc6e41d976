import { Knex } from 'knex';
import { DbTime } from '../database/tables';
import { ConditionStore, NotifiedCondition } from './ConditionStore';
import { ConditionKind, HomelabCondition } from './HomelabCondition';

const TABLE = 'homelab_notified_conditions';

interface NotifiedConditionRow {
  key: string;
  kind: string;
  entity_ref: string;
  level: number;
  title: string;
  raised_at: DbTime;
}

const rowOf = (condition: NotifiedCondition): NotifiedConditionRow => ({
  key: condition.key,
  kind: condition.kind,
  entity_ref: condition.entityRef,
  level: condition.level,
  title: condition.title,
  raised_at: condition.raisedAt,
});

/**
 * Notified conditions in homelab_notified_conditions (migrations/). Claims
 * are single statements whose affected rows say who won: an insert that
 * ignores an existing key, an update that needs a lower level, a delete.
 */
export class DatabaseConditionStore implements ConditionStore {
  constructor(private readonly knex: Knex) {}

  async notified(): Promise<NotifiedCondition[]> {
    const rows = await this.knex<NotifiedConditionRow>(TABLE).orderBy('key');
    return rows.map(row => ({
      key: row.key,
      kind: row.kind as ConditionKind,
      entityRef: row.entity_ref,
      level: row.level,
      title: row.title,
      raisedAt: new Date(row.raised_at),
    }));
  }

  async claimRaised(condition: HomelabCondition, at: Date): Promise<boolean> {
    const inserted = await this.knex<NotifiedConditionRow>(TABLE)
      .insert(rowOf({ ...condition, raisedAt: at }))
      .onConflict('key')
      .ignore()
      .returning('key');
    return inserted.length === 1;
  }

  async claimWorsened(condition: HomelabCondition): Promise<boolean> {
    const updated = await this.knex<NotifiedConditionRow>(TABLE)
      .where('key', condition.key)
      .andWhere('level', '<', condition.level)
      .update({ level: condition.level, title: condition.title });
    return updated === 1;
  }

  async claimCleared(key: string): Promise<boolean> {
    const deleted = await this.knex(TABLE).where('key', key).delete();
    return deleted === 1;
  }

  async restore(condition: NotifiedCondition): Promise<void> {
    await this.knex<NotifiedConditionRow>(TABLE)
      .insert(rowOf(condition))
      .onConflict('key')
      .merge();
  }

  async forget(key: string): Promise<void> {
    await this.knex(TABLE).where('key', key).delete();
  }
}
