import { parseEntityRef } from '@backstage/catalog-model';
import { Table } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Finding, FindingsQuery } from '@homelab/plugin-homelab-common';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useRef, useState } from 'react';
import { homelabApiRef } from '../../api/HomelabApi';
import { errorMessage } from '../shared/errorMessage';
import { FIXED_COLUMN_ORDER } from '../shared/SortableHeadersFocus';
import { findingColumns } from './findingColumns';

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

  const columns = findingColumns(ref => entityRoute(parseEntityRef(ref)));

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
