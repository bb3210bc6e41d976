import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { SloStatus } from '@homelab/plugin-homelab-common';
import { formatTime } from '../shared/formatTime';
import { StatusChip } from '../shared/StatusChip';
import { BurnRateAlerts } from './BurnRateAlerts';
import { ErrorBudgetBar } from './ErrorBudgetBar';
import { percent, STATE_STATUS, STATE_TEXT, windowText } from './sloFormat';
import {
  FIXED_COLUMN_ORDER,
  SortableHeadersFocus,
} from '../shared/SortableHeadersFocus';

/** SLOs with objective, attainment, budget, burn rates and state. */
export function SloTable(props: {
  slos: SloStatus[];
  title?: string;
  selected?: string;
  onSelect?(id: string): void;
  dense?: boolean;
}) {
  const entityRoute = useRouteRef(entityRouteRef);
  const columns: TableColumn<SloStatus>[] = [
    {
      title: 'SLO',
      field: 'slo.name',
      cellStyle: { minWidth: 180 },
      render: row => (
        <>
          {row.slo.displayName ?? row.slo.name}
          {row.slo.entityRef && !props.dense && (
            <div>
              <Link to={entityRoute(parseEntityRef(row.slo.entityRef))}>
                {parseEntityRef(row.slo.entityRef).name}
              </Link>
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Objective',
      render: row =>
        `${percent(row.slo.objective, 3)} / ${windowText(
          row.slo.periodSeconds,
        )}`,
    },
    { title: 'Attainment', render: row => percent(row.sli, 3) },
    {
      title: 'Error budget',
      render: row => (
        <ErrorBudgetBar
          remaining={row.errorBudgetRemaining}
          unjudged={row.state === 'not-enough-data'}
        />
      ),
    },
    ...(props.dense
      ? []
      : [
          {
            title: 'Burn rates',
            render: (row: SloStatus) => (
              <BurnRateAlerts alerts={row.burnRates} />
            ),
          },
        ]),
    {
      title: 'State',
      // A state is a few words ("Ticket alert firing"): on one line, where
      // narrow windows broke them inside words.
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => (
        <span
          title={
            row.state === 'stale' || row.state === 'error'
              ? `${row.error ?? ''} (values from ${formatTime(
                  row.evaluatedAt,
                )})`
              : `evaluated ${formatTime(row.evaluatedAt)}`
          }
        >
          <StatusChip
            status={STATE_STATUS[row.state]}
            label={STATE_TEXT[row.state]}
          />
        </span>
      ),
    },
  ];
  return (
    <SortableHeadersFocus>
      <Table<SloStatus>
        title={props.title ?? 'Service level objectives'}
        data={props.slos}
        columns={columns}
        onRowClick={
          props.onSelect
            ? (_event, row) => row && props.onSelect!(row.slo.id)
            : undefined
        }
        options={{
          ...FIXED_COLUMN_ORDER,
          paging: props.slos.length > 20,
          pageSize: 20,
          padding: 'dense',
          search: !props.dense,
          toolbar: !props.dense,
          rowStyle: row => ({
            fontWeight: row.slo.id === props.selected ? 600 : undefined,
          }),
        }}
        localization={{ body: { emptyDataSourceMessage: 'No SLOs.' } }}
      />
    </SortableHeadersFocus>
  );
}
