import { hash } from 'node:crypto';
import { RawFinding, ReportTarget } from './reports';

/**
 * What the ids of the findings on one workload container share: the
 * cluster, source, namespace, workload and container. Computed once for
 * all the findings of a report.
 */
export function findingIdPrefix(
  finding: RawFinding,
  workload: ReportTarget | undefined,
): string {
  return `${finding.cluster}\u0000${finding.source}\u0000${
    finding.namespace ?? ''
  }\u0000${workload?.kind ?? ''}\u0000${workload?.name ?? ''}\u0000${
    finding.container ?? ''
  }\u0000`;
}

/**
 * A finding's id: the same for the same finding in every collection, and
 * different for findings that differ in anything a report says about them
 * (workload, container, check, package and version, file, match, message,
 * properties). The ReplicaSet is left out, so that the same finding in the
 * old and the new ReplicaSet of one Deployment is one finding. `prefix` is
 * its findingIdPrefix.
 */
export function findingId(finding: RawFinding, prefix: string): string {
  return hash(
    'sha1',
    `${prefix}${finding.checkId}\u0000${finding.resource ?? ''}\u0000${
      finding.installedVersion ?? ''
    }\u0000${finding.distinguishing ?? ''}`,
  ).slice(0, 20);
}

/**
 * A JSON text of a value with object keys sorted, so that the same
 * properties give the same text whatever order a tool wrote them in.
 */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map(
        key =>
          `${JSON.stringify(key)}:${stableJson(
            (value as Record<string, unknown>)[key],
          )}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
