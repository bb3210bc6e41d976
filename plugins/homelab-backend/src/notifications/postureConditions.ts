import { stringifyEntityRef } from '@backstage/catalog-model';
import { PostureSummary } from '@homelab/plugin-homelab-common';
import { ConditionEvaluation, HomelabCondition } from './HomelabCondition';

/** The entity a summary is told to: its app, or its cluster's Resource. */
const subjectOf = (summary: PostureSummary) =>
  summary.scope === 'entity'
    ? summary.entityRef
    : stringifyEntityRef({ kind: 'resource', name: summary.cluster });

function criticalVulnerabilities(
  summary: PostureSummary,
  entityRef: string,
): HomelabCondition | undefined {
  const { critical } = summary.vulnerabilities;
  if (critical === 0) return undefined;
  return {
    kind: 'critical-vulnerabilities',
    key: `critical-vulnerabilities:${entityRef}@${summary.cluster}`,
    entityRef,
    severity: 'high',
    title: `${critical} critical vulnerabilit${
      critical === 1 ? 'y' : 'ies'
    } in ${entityRef} on cluster ${summary.cluster}`,
    description: `Trivy Operator reports ${critical} critical vulnerabilit${
      critical === 1 ? 'y' : 'ies'
    } in the workloads of ${entityRef} on cluster ${summary.cluster}.`,
    level: critical,
  };
}

/**
 * Critical vulnerabilities of each app on each cluster (raised again when
 * there are more than last notified), and each app's and cluster's security
 * score below the minimum. A score not computed (nothing scanned) is
 * undetermined.
 */
export function postureConditions(
  summaries: PostureSummary[],
  settings: { minimumScore: number },
): ConditionEvaluation {
  const evaluation: ConditionEvaluation = { holding: [], undetermined: [] };
  for (const summary of summaries) {
    if (summary.scope === 'namespace') continue;
    const entityRef = subjectOf(summary);
    if (!entityRef) continue;
    const critical =
      summary.scope === 'entity'
        ? criticalVulnerabilities(summary, entityRef)
        : undefined;
    if (critical) evaluation.holding.push(critical);
    const key = `posture-drop:${entityRef}@${summary.cluster}`;
    if (summary.score === null) {
      evaluation.undetermined.push(key);
    } else if (summary.score < settings.minimumScore) {
      evaluation.holding.push({
        kind: 'posture-drop',
        key,
        entityRef,
        severity: 'normal',
        title: `Security score of ${entityRef} on cluster ${summary.cluster} dropped to ${summary.score}`,
        description: `Below the minimum of ${settings.minimumScore}: ${summary.vulnerabilities.critical} critical and ${summary.vulnerabilities.high} high vulnerabilities, ${summary.misconfigurations.critical} critical and ${summary.misconfigurations.high} high misconfigurations.`,
        level: 1,
      });
    }
  }
  return evaluation;
}
