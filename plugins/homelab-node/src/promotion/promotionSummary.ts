import { PromotionPlan } from '../gitops/promotion/planPromotion';
import { GateResult } from './evaluatePromotionGates';

const VERDICTS = {
  true: 'passed',
  false: 'failed',
  null: 'undecided',
} as const;

/**
 * "passed", "failed" or "undecided".
 *
 * @public
 */
export const gateVerdict = (result: GateResult) =>
  VERDICTS[String(result.passed) as keyof typeof VERDICTS];

const code = (text: string | undefined) =>
  text === undefined ? 'not set' : `\`${text.replace(/`/g, "'")}\``;

/**
 * The pull request body of a promotion: what changes where, why, every
 * gate's verdict with its reasons, the values left as the target has them,
 * and the diff.
 *
 * @public
 */
export function promotionSummary(
  plan: PromotionPlan,
  gates: GateResult[],
): string {
  const lines = [
    `## Promote ${plan.app}: ${plan.from} → ${plan.to}`,
    '',
    `Layout: ${plan.layout}`,
    '',
  ];
  if (plan.changes.length) {
    lines.push(
      `| What | ${plan.to} before | after | Written in |`,
      '| --- | --- | --- | --- |',
      ...plan.changes.map(
        c =>
          `| ${c.label} | ${code(c.before)} | ${code(c.after)} | ${code(
            c.writtenAt,
          )} |`,
      ),
    );
  } else {
    lines.push(
      `${plan.to} already runs ${code(plan.sourceVersion.promoted)} (${
        plan.sourceVersion.label
      }); nothing to change.`,
    );
  }
  if (plan.notes.length) lines.push('', ...plan.notes.map(n => `- ${n}`));
  lines.push(
    '',
    '### Gates',
    ...(gates.length
      ? gates.map(
          g =>
            `- **${g.gate}** (${g.mode}): ${gateVerdict(g)} — ${g.reasons.join(
              '; ',
            )}`,
        )
      : ['- every gate is off']),
  );
  if (plan.valuesLeftAlone.length) {
    lines.push(
      '',
      `### Values that differ and stay as ${plan.to} has them`,
      ...plan.valuesLeftAlone.map(v => `- \`${v}\``),
    );
  }
  if (plan.diff) lines.push('', '```diff', plan.diff.trimEnd(), '```');
  return lines.join('\n');
}
