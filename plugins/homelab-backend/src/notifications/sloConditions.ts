import { StoredSlo } from '../database/SloStore';
import { printable } from '../service/printable';
import { ConditionEvaluation, HomelabCondition } from './HomelabCondition';

/** 0.999 as 99.9, without binary fractions' tails. */
const objectivePercent = (objective: number) =>
  Number((objective * 100).toPrecision(6));

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** The firing alert of the severity, in words: its burn rates against the threshold. */
function firingText({ status }: StoredSlo, severity: 'page' | 'ticket') {
  const alert = status.burnRates.find(
    rate => rate.severity === severity && rate.firing,
  );
  const budget =
    status.errorBudgetRemaining === null
      ? 'error budget left not known'
      : `${percent(status.errorBudgetRemaining)} of the error budget left`;
  if (!alert) return budget;
  const rate = (value: number | null) =>
    value === null ? 'not known' : `${value.toFixed(1)}x`;
  return (
    `burn rate ${rate(alert.longBurnRate)} over ${alert.longWindow} and ` +
    `${rate(alert.shortBurnRate)} over ${alert.shortWindow} ` +
    `(alert at ${alert.threshold.toFixed(1)}x); ${budget}`
  );
}

function burnCondition(
  slo: StoredSlo,
  entityRef: string,
  severity: 'page' | 'ticket',
): HomelabCondition {
  const { definition } = slo;
  const name = printable(definition.displayName ?? definition.name);
  const fast = severity === 'page';
  return {
    kind: fast ? 'slo-fast-burn' : 'slo-slow-burn',
    key: `${fast ? 'slo-fast-burn' : 'slo-slow-burn'}:${definition.id}`,
    entityRef,
    severity: fast ? 'high' : 'normal',
    title: fast
      ? `SLO ${name} burns its error budget fast (page)`
      : `SLO ${name} burns its error budget slowly (ticket)`,
    description: `Objective ${objectivePercent(
      definition.objective,
    )}%: ${firingText(slo, severity)}.`,
    level: 1,
  };
}

/**
 * Fast burn (a page alert of the SLO's multi-window burn rates firing) and
 * slow burn (a ticket alert, none paging) of every SLO with an entity. An
 * SLO without data is undetermined: it neither raises nor clears.
 */
export function sloConditions(slos: StoredSlo[]): ConditionEvaluation {
  const evaluation: ConditionEvaluation = { holding: [], undetermined: [] };
  for (const slo of slos) {
    const { entityRef, id } = slo.definition;
    if (!entityRef) continue;
    const { alert } = slo.status;
    if (alert === null) {
      evaluation.undetermined.push(
        `slo-fast-burn:${id}`,
        `slo-slow-burn:${id}`,
      );
    } else if (alert !== 'none') {
      evaluation.holding.push(burnCondition(slo, entityRef, alert));
    }
  }
  return evaluation;
}
