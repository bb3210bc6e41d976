import { Table, TableColumn } from '@backstage/core-components';
import { BackupSet, Certificate } from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import { formatTime } from '../shared/formatTime';
import { StatusChip } from '../shared/StatusChip';
import {
  FIXED_COLUMN_ORDER,
  SortableHeadersFocus,
} from '../shared/SortableHeadersFocus';
import {
  BACKUP_STATES,
  backupSetTitle,
  CERTIFICATE_STATES,
  expiryText,
  lastSuccessText,
} from './recoveryText';

const Reason = (props: { text: string }) => (
  <Typography variant="body2" style={{ overflowWrap: 'anywhere' }}>
    {props.text}
  </Typography>
);

// Wide enough for "Never succeeded" on one line.
const STATE_CELL = { whiteSpace: 'nowrap', minWidth: 150 } as const;

const BACKUP_COLUMNS: TableColumn<BackupSet>[] = [
  {
    title: 'State',
    cellStyle: STATE_CELL,
    headerStyle: STATE_CELL,
    render: set => <StatusChip {...BACKUP_STATES[set.state]} />,
  },
  {
    title: 'What',
    render: set => (
      <>
        <Typography variant="body2">{backupSetTitle(set)}</Typography>
        <Typography variant="caption" color="textSecondary">
          {`${set.cluster}${set.schedule ? `, ${set.schedule}` : ''}${
            set.coveredNamespaces.length
              ? `, covers ${set.coveredNamespaces.join(', ')}`
              : ''
          }`}
        </Typography>
      </>
    ),
  },
  {
    title: 'Last success',
    render: set => (
      <>
        <Typography variant="body2">{lastSuccessText(set)}</Typography>
        <Typography variant="caption" color="textSecondary">
          {formatTime(set.lastSuccess?.completedAt)}
        </Typography>
      </>
    ),
  },
  { title: 'Why', render: set => <Reason text={set.reason} /> },
];

const CERTIFICATE_COLUMNS: TableColumn<Certificate>[] = [
  {
    title: 'State',
    cellStyle: STATE_CELL,
    headerStyle: STATE_CELL,
    render: c => <StatusChip {...CERTIFICATE_STATES[c.state]} />,
  },
  {
    title: 'Certificate',
    render: c => (
      <>
        <Typography variant="body2">
          {c.dnsNames.join(', ') || c.name}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {`${c.cluster} ${c.namespace}/${c.name}${
            c.issuer ? `, ${c.issuer}` : ''
          }`}
        </Typography>
      </>
    ),
  },
  {
    title: 'Expires',
    render: c => (
      <>
        <Typography variant="body2">{expiryText(c)}</Typography>
        <Typography variant="caption" color="textSecondary">
          {formatTime(c.notAfter)}
        </Typography>
      </>
    ),
  },
  { title: 'Why', render: c => <Reason text={c.reason} /> },
];

// Worst first, as the backend orders them: the columns are not sorted again.
const OPTIONS = {
  ...FIXED_COLUMN_ORDER,
  padding: 'dense' as const,
  sorting: false,
  emptyRowsWhenPaging: false,
};

/** Items in the order the backend gives them, worst first. */
function WorstFirstTable<T extends object>(props: {
  title: string;
  items: T[];
  columns: TableColumn<T>[];
  paging?: boolean;
}) {
  return (
    <SortableHeadersFocus>
      <Table<T>
        title={props.title}
        data={props.items}
        columns={props.columns}
        options={{
          ...OPTIONS,
          paging: props.paging ?? false,
          pageSize: 10,
          search: false,
        }}
      />
    </SortableHeadersFocus>
  );
}

/** Backup sets, worst first, as the backend orders them. */
export function BackupsTable(props: {
  title: string;
  items: BackupSet[];
  paging?: boolean;
}) {
  return <WorstFirstTable {...props} columns={BACKUP_COLUMNS} />;
}

/** Certificates, worst first, as the backend orders them. */
export function CertificatesTable(props: {
  title: string;
  items: Certificate[];
  paging?: boolean;
}) {
  return <WorstFirstTable {...props} columns={CERTIFICATE_COLUMNS} />;
}
