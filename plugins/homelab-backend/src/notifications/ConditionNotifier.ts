import { NotifiedCondition } from './ConditionStore';
import { HomelabCondition } from './HomelabCondition';

/** Tells the owners of conditions that one started, got worse, or cleared. */
export interface ConditionNotifier {
  /** A condition started, or holds at a higher level than last told. */
  raised(condition: HomelabCondition): Promise<void>;
  /** A condition told before no longer holds. */
  cleared(condition: NotifiedCondition, at: Date): Promise<void>;
}
