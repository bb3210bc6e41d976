import { NotifiedCondition } from './ConditionStore';
import {
  ConditionEvaluation,
  ConditionKind,
  HomelabCondition,
} from './HomelabCondition';

/** What to notify after an evaluation, against what was notified before. */
interface ConditionChanges {
  /** Conditions that hold and were not notified. */
  raised: HomelabCondition[];
  /** Conditions notified before that hold at a higher level now. */
  worsened: HomelabCondition[];
  /** Notified conditions that no longer hold. */
  cleared: NotifiedCondition[];
}

/**
 * Compares an evaluation with the conditions notified and not cleared. Only
 * notified conditions of the evaluated kinds can clear, and never an
 * undetermined one: a kind not evaluated this time (turned off, its data
 * not there) or a subject without data is not a recovery.
 */
export function conditionChanges(
  evaluation: ConditionEvaluation,
  notified: NotifiedCondition[],
  evaluatedKinds: ReadonlySet<ConditionKind>,
): ConditionChanges {
  const notifiedByKey = new Map(notified.map(n => [n.key, n]));
  const holdingKeys = new Set(evaluation.holding.map(c => c.key));
  const undetermined = new Set(evaluation.undetermined);
  const raised: HomelabCondition[] = [];
  const worsened: HomelabCondition[] = [];
  for (const condition of evaluation.holding) {
    const before = notifiedByKey.get(condition.key);
    if (!before) raised.push(condition);
    else if (condition.level > before.level) worsened.push(condition);
  }
  const cleared = notified.filter(
    n =>
      evaluatedKinds.has(n.kind) &&
      !holdingKeys.has(n.key) &&
      !undetermined.has(n.key),
  );
  return { raised, worsened, cleared };
}
