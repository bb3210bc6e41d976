import { ConditionKind, HomelabCondition } from './HomelabCondition';

/** A condition that was notified and has not cleared since. */
export interface NotifiedCondition {
  key: string;
  kind: ConditionKind;
  entityRef: string;
  /** The level last notified. */
  level: number;
  /** The title last notified, for the notification that it cleared. */
  title: string;
  raisedAt: Date;
}

/**
 * The conditions notified and not cleared, shared by every replica through
 * the database. Each change is claimed: of replicas evaluating at once,
 * only the one whose claim succeeds sends the notification.
 */
export interface ConditionStore {
  notified(): Promise<NotifiedCondition[]>;
  /** Records the condition as notified; false when it already was. */
  claimRaised(condition: HomelabCondition, at: Date): Promise<boolean>;
  /** Records a higher level; false when the level recorded is as high already. */
  claimWorsened(condition: HomelabCondition): Promise<boolean>;
  /** Removes the condition; false when it was removed already. */
  claimCleared(key: string): Promise<boolean>;
  /** Puts a condition back as it was, after its notification could not be sent. */
  restore(condition: NotifiedCondition): Promise<void>;
  /** Drops a condition whose raise could not be sent, so the next evaluation raises it again. */
  forget(key: string): Promise<void>;
}
