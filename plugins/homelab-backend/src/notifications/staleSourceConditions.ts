import { stringifyEntityRef } from '@backstage/catalog-model';
import { SourceFreshness } from '@homelab/plugin-homelab-common';
import { printable } from '../service/printable';
import { ConditionEvaluation } from './HomelabCondition';

const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * A source of a cluster whose data is stale and was last collected longer
 * ago than the threshold, told to the owner of the cluster's Resource
 * entity. A source never collected has no age to judge: undetermined. A
 * source collected from all clusters at once (SLOs) names no cluster, and
 * goes to the default recipient when one is configured.
 */
export function staleSourceConditions(
  freshness: SourceFreshness[],
  settings: { staleAfterMs: number; now: Date; defaultRecipient?: string },
): ConditionEvaluation {
  const evaluation: ConditionEvaluation = { holding: [], undetermined: [] };
  for (const entry of freshness) {
    const key = `stale-source:${entry.source}/${entry.cluster ?? ''}`;
    const entityRef = entry.cluster
      ? stringifyEntityRef({ kind: 'resource', name: entry.cluster })
      : settings.defaultRecipient;
    if (!entityRef || entry.state === 'fresh') continue;
    if (!entry.collectedAt) {
      evaluation.undetermined.push(key);
      continue;
    }
    const ageMs = settings.now.getTime() - Date.parse(entry.collectedAt);
    if (ageMs <= settings.staleAfterMs) continue;
    const where = entry.cluster ? ` of cluster ${entry.cluster}` : '';
    const why = entry.error ? `: ${printable(entry.error)}` : '.';
    evaluation.holding.push({
      kind: 'stale-source',
      key,
      entityRef,
      severity: 'normal',
      title: `Homelab ${entry.source} data${where} is stale`,
      description: `Last collected ${minutes(
        ageMs,
      )} minutes ago, more than the ${minutes(
        settings.staleAfterMs,
      )} allowed${why}`,
      level: 1,
    });
  }
  return evaluation;
}
