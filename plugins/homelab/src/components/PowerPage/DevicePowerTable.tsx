import { Table, TableColumn } from '@backstage/core-components';
import { DevicePower, PowerReport } from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import { formatTime } from '../shared/formatTime';
import { StatusChip } from '../shared/StatusChip';
import {
  averageWatts,
  costText,
  coverageText,
  kWhText,
  wattsText,
} from './powerFormat';

const SOURCE = {
  measured: { status: 'ok', label: 'Measured' },
  estimated: { status: 'warning', label: 'Estimated' },
  'not-measured': { status: 'unknown', label: 'Not measured' },
} as const;

/** The inventory's claim beside the draw over the last day. */
function ClaimVersusDraw(props: { device: DevicePower }) {
  const { device } = props;
  const average = device.day ? averageWatts(device.day) : undefined;
  if (device.inventoryWatts === undefined) return <>–</>;
  if (average === undefined || device.source !== 'measured')
    return <>{wattsText(device.inventoryWatts)}</>;
  const difference = average - device.inventoryWatts;
  return (
    <>
      {wattsText(device.inventoryWatts)}
      <Typography variant="caption" display="block" color="textSecondary">
        {difference >= 0 ? '+' : '−'}
        {wattsText(Math.abs(difference))}{' '}
        {device.includedIn ? 'in its share' : 'measured'} over the day
      </Typography>
    </>
  );
}

/** Every device's draw with its source, energy and cost; modules of a measured board under it. */
export function DevicePowerTable(props: { report: PowerReport }) {
  const { tariff } = props.report;
  const columns: TableColumn<DevicePower>[] = [
    {
      title: 'Device',
      field: 'name',
      render: row => `${row.includedIn ? '↳ ' : ''}${row.title ?? row.name}`,
    },
    {
      title: 'Source',
      field: 'source',
      render: row => (
        <>
          <StatusChip {...SOURCE[row.source]} />
          <Typography variant="caption" display="block" color="textSecondary">
            {row.basis}
          </Typography>
          {row.measuredAt && (
            <Typography variant="caption" display="block">
              latest {formatTime(row.measuredAt)}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Now',
      field: 'watts',
      type: 'numeric',
      render: row =>
        row.watts === null ? 'not measured' : wattsText(row.watts),
    },
    {
      title: 'Inventory claim',
      field: 'inventoryWatts',
      type: 'numeric',
      render: row => <ClaimVersusDraw device={row} />,
    },
    {
      title: 'Last 24 h',
      field: 'day.kWh',
      type: 'numeric',
      render: row =>
        row.day
          ? `${kWhText(row.day)}${coverageText(row.day, 24)}`
          : 'not measured',
    },
    {
      title: 'Cost, 30 days',
      field: 'month.cost',
      type: 'numeric',
      render: row =>
        row.month
          ? `${costText(row.month, tariff)}${coverageText(row.month, 720)}`
          : 'not measured',
    },
  ];
  // Modules right under the board they are measured with.
  const roots = props.report.devices.filter(d => !d.includedIn);
  const data = roots.flatMap(root => [
    root,
    ...props.report.devices.filter(d => d.includedIn === root.entityRef),
  ]);
  return (
    <Table<DevicePower>
      title="Devices"
      options={{
        paging: false,
        search: false,
        sorting: false,
        padding: 'dense',
      }}
      columns={columns}
      data={data}
    />
  );
}
