import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  BlastRadius,
  BlastRadiusEffect,
  BlastRadiusWorkload,
} from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import { FIXED_COLUMN_ORDER } from '../../shared/SortableHeadersFocus';
import { StatusChip } from '../../shared/StatusChip';
import { EFFECTS } from './effectText';

/** An app with its workloads on the lost nodes, or a workload no app owns. */
interface AppRow {
  id: string;
  entityRef?: string;
  name: string;
  effect: BlastRadiusEffect;
  workloads: BlastRadiusWorkload[];
}

function rowsOf(radius: BlastRadius): AppRow[] {
  const apps: AppRow[] = radius.apps.map(app => ({
    id: app.entityRef,
    entityRef: app.entityRef,
    name: app.entityRef,
    effect: app.effect,
    workloads: radius.workloads.filter(w => w.entityRef === app.entityRef),
  }));
  const unowned = radius.workloads
    .filter(w => !w.entityRef)
    .map(w => ({
      id: `${w.cluster}/${w.namespace}/${w.kind}/${w.name}`,
      name: w.name,
      effect: w.effect,
      workloads: [w],
    }));
  return [...apps, ...unowned];
}

const podsLost = (row: AppRow) => {
  const placed = row.workloads.filter(w => w.pods);
  if (!placed.length) return 'unknown';
  const sum = (pick: (w: BlastRadiusWorkload) => number) =>
    placed.reduce((total, w) => total + pick(w), 0);
  return `${sum(w => w.pods!.lost)} of ${sum(w => w.pods!.total)}`;
};

const columns: TableColumn<AppRow>[] = [
  {
    title: 'App',
    render: row =>
      row.entityRef ? (
        <EntityRefLink entityRef={row.entityRef} defaultKind="component" />
      ) : (
        row.name
      ),
  },
  {
    title: 'Effect',
    render: row => (
      <StatusChip
        status={EFFECTS[row.effect].status}
        label={EFFECTS[row.effect].label}
      />
    ),
  },
  {
    title: 'Workloads',
    render: row => (
      <span title={row.workloads.map(w => `${w.name}: ${w.reason}`).join('\n')}>
        {row.workloads.map(w => w.name).join(', ')}
      </span>
    ),
  },
  { title: 'Pods lost', render: podsLost },
];

/**
 * The apps with workloads on the lost nodes, worst first, then the
 * workloads no app owns; what each effect means said once below.
 */
export function BlastRadiusApps(props: { radius: BlastRadius }) {
  const rows = rowsOf(props.radius);
  if (!rows.length) return null;
  const effects = [...new Set(rows.map(row => row.effect))];
  return (
    <>
      <Table
        title={`Apps (${props.radius.apps.length}) and workloads (${props.radius.workloads.length}) on the lost nodes`}
        options={{
          paging: rows.length > 10,
          pageSize: 10,
          search: false,
          padding: 'dense',
          toolbar: true,
          // Worst first, as the backend orders them: nothing to sort by.
          sorting: false,
          ...FIXED_COLUMN_ORDER,
        }}
        columns={columns}
        data={rows}
      />
      {effects.map(effect => (
        <Typography key={effect} variant="body2" component="p">
          <strong>{EFFECTS[effect].label}</strong>: {EFFECTS[effect].meaning}
        </Typography>
      ))}
    </>
  );
}
