import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  Finding,
  FindingSource,
  FindingsQuery,
} from '@homelab/plugin-homelab-common';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useRef, useState } from 'react';
import { homelabApiRef } from '../../api/HomelabApi';
import { errorMessage } from '../shared/errorMessage';
import { SeverityChip } from '../shared/SeverityChip';
import { FIXED_COLUMN_ORDER } from '../shared/SortableHeadersFocus';

export const SOURCE_LABELS: Record<FindingSource, string> = {
  vulnerability: 'Vulnerability (Trivy)',
  'config-audit': 'Configuration (Trivy)',
  'exposed-secret': 'Exposed secret (Trivy)',
  'rbac-assessment': 'RBAC (Trivy)',
  polaris: 'Polaris',
  policy: 'Policy report',
};

/** The filters the table is narrowed to; its own search box adds text search. */
type FindingsFilter = Omit<FindingsQuery, 'offset' | 'limit' | 'search'>;

/**
 * Findings, most severe first, paged by the backend: only the page shown is
 * fetched, whatever the estate's size.
 */
export function FindingsTable(props: {
  filter: FindingsFilter;
  title?: string;
  pageSize?: number;
}) {
  const api = useApi(homelabApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const tableRef = useRef<any>();
  const [error, setError] = useState<Error>();
  const filterKey = JSON.stringify(props.filter);

  useEffect(() => {
    tableRef.current?.onQueryChange?.();
  }, [filterKey]);

  const columns: TableColumn<Finding>[] = [
    {
      title: 'Severity',
      field: 'severity',
      width: '110px',
      render: finding => <SeverityChip severity={finding.severity} />,
    },
    {
      title: 'Finding',
      field: 'title',
      render: finding => (
        <>
          {finding.link ? (
            // Underlined: in the middle of the finding's text, its colour
            // alone does not tell it from the words around it.
            <Link to={finding.link} underline="always">
              {finding.checkId}
            </Link>
          ) : (
            finding.checkId
          )}
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
      render: finding => SOURCE_LABELS[finding.source],
    },
    {
      title: 'Workload',
      field: 'workload',
      render: finding => {
        const workload = finding.workload
          ? `${finding.workload.kind}/${finding.workload.name}`
          : '—';
        return finding.entityRef ? (
          <Link to={entityRoute(parseEntityRef(finding.entityRef))}>
            {workload}
          </Link>
        ) : (
          workload
        );
      },
    },
    { title: 'Namespace', field: 'namespace' },
    { title: 'Cluster', field: 'cluster' },
  ];

  return (
    <>
      {error && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          Findings could not be loaded: {errorMessage(error)}
        </Alert>
      )}
      <Table<Finding>
        tableRef={tableRef}
        title={props.title ?? 'Findings'}
        columns={columns}
        options={{
          search: true,
          paging: true,
          pageSize: props.pageSize ?? 20,
          pageSizeOptions: [10, 20, 50, 100],
          padding: 'dense',
          debounceInterval: 300,
          emptyRowsWhenPaging: false,
          sorting: false,
          ...FIXED_COLUMN_ORDER,
        }}
        localization={{
          body: { emptyDataSourceMessage: 'No findings match.' },
        }}
        data={async query => {
          try {
            const page = await api.getPostureFindings({
              ...props.filter,
              search: query.search || undefined,
              offset: query.page * query.pageSize,
              limit: query.pageSize,
            });
            setError(undefined);
            return {
              data: page.items,
              page: query.page,
              totalCount: page.totalCount,
            };
          } catch (e) {
            setError(e as Error);
            return { data: [], page: 0, totalCount: 0 };
          }
        }}
      />
    </>
  );
}
