import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { PowerConsumer, PowerReport } from '@homelab/plugin-homelab-common';
import { costText, kWhText, wattsText } from './powerFormat';

const KIND_TEXT: Record<PowerConsumer['kind'], string> = {
  device: 'Module',
  'virtual-machine': 'Virtual machine',
  node: 'Node',
  cluster: 'Cluster',
  app: 'App',
  unattributed: 'Unattributed',
};

/**
 * What the draw is apportioned to, by CPU share: clusters and nodes, and
 * the apps and unattributed remainders that together make up the devices'
 * whole draw, dearest first.
 */
export function PowerSharesTable(props: {
  report: PowerReport;
  kinds: Array<PowerConsumer['kind']>;
  title: string;
}) {
  const entityRoute = useRouteRef(entityRouteRef);
  const { tariff } = props.report;
  const columns: TableColumn<PowerConsumer>[] = [
    {
      title: 'Share of',
      field: 'name',
      render: row =>
        row.entityRef && row.kind !== 'unattributed' ? (
          <Link to={entityRoute(parseEntityRef(row.entityRef))}>
            {parseEntityRef(row.entityRef).name}
          </Link>
        ) : (
          row.name
        ),
    },
    { title: 'Kind', field: 'kind', render: row => KIND_TEXT[row.kind] },
    { title: 'Cluster', field: 'cluster' },
    { title: 'Source', field: 'source' },
    {
      title: 'Now',
      field: 'watts',
      type: 'numeric',
      render: row => wattsText(row.watts),
    },
    {
      title: '30 days',
      field: 'month.kWh',
      type: 'numeric',
      render: row => kWhText(row.month),
    },
    {
      title: 'Cost, 30 days',
      field: 'month.cost',
      type: 'numeric',
      render: row => costText(row.month, tariff),
    },
  ];
  const data = props.report.consumers
    .filter(c => props.kinds.includes(c.kind))
    .sort((a, b) => b.month.kWh - a.month.kWh);
  return (
    <Table<PowerConsumer>
      title={props.title}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={data}
    />
  );
}
