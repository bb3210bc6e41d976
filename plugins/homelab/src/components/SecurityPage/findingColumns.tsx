import { Link, TableColumn } from '@backstage/core-components';
import { Finding, FindingSource } from '@homelab/plugin-homelab-common';
import { OneLine } from '../shared/OneLine';
import { SeverityChip } from '../shared/SeverityChip';

export const SOURCE_LABELS: Record<FindingSource, string> = {
  vulnerability: 'Vulnerability (Trivy)',
  'config-audit': 'Configuration (Trivy)',
  'exposed-secret': 'Exposed secret (Trivy)',
  'rbac-assessment': 'RBAC (Trivy)',
  polaris: 'Polaris',
  policy: 'Policy report',
};

/** A cell whose words never wrap: short labels that read whole. */
const ONE_LINE = { whiteSpace: 'nowrap' } as const;

/**
 * The findings table's columns, sized so that a row is as tall as its
 * finding's words: ids, workloads, namespaces and clusters on one line, cut
 * with their whole text in a tooltip; only the finding's title wraps.
 */
export function findingColumns(
  entityLink: (entityRef: string) => string,
): TableColumn<Finding>[] {
  return [
    {
      title: 'Severity',
      field: 'severity',
      width: '100px',
      render: finding => <SeverityChip severity={finding.severity} />,
    },
    {
      title: 'Finding',
      field: 'title',
      // Only the finding's own words wrap; ids and names around it are cut,
      // and the other columns take no more than their widths.
      render: finding => (
        <>
          <OneLine text={finding.checkId} maxWidth={180}>
            {finding.link ? (
              // Underlined: in the middle of the finding's text, its colour
              // alone does not tell it from the words around it.
              <Link to={finding.link} underline="always">
                {finding.checkId}
              </Link>
            ) : (
              finding.checkId
            )}
          </OneLine>
          {' — '}
          {finding.title}
          {finding.fixedVersion && (
            <div style={{ opacity: 0.8 }}>
              {finding.resource} {finding.installedVersion} → fixed in{' '}
              {finding.fixedVersion}
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Source',
      field: 'source',
      width: '150px',
      cellStyle: ONE_LINE,
      render: finding => SOURCE_LABELS[finding.source],
    },
    {
      title: 'Workload',
      field: 'workload',
      width: '160px',
      render: finding => {
        const workload = finding.workload
          ? `${finding.workload.kind}/${finding.workload.name}`
          : '—';
        return (
          <OneLine text={workload} maxWidth={160}>
            {finding.entityRef ? (
              <Link to={entityLink(finding.entityRef)}>{workload}</Link>
            ) : (
              workload
            )}
          </OneLine>
        );
      },
    },
    {
      title: 'Namespace',
      field: 'namespace',
      width: '110px',
      render: finding =>
        finding.namespace && (
          <OneLine text={finding.namespace} maxWidth={110} />
        ),
    },
    {
      title: 'Cluster',
      field: 'cluster',
      width: '100px',
      render: finding => <OneLine text={finding.cluster} maxWidth={100} />,
    },
  ];
}
