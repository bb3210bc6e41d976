import { Entity } from '@backstage/catalog-model';
import {
  getHomelabSpec,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Facts } from '../shared/Facts';
import { formatTime } from '../shared/formatTime';
import { memoryQuantityText } from '../shared/quantityText';
import { StatusChip } from '../shared/StatusChip';
import { uptimeText } from './uptimeText';

const bytes = (value?: number) =>
  value === undefined ? '?' : memoryQuantityText(String(value));

/**
 * What Proxmox VE says of the device as one of its nodes: whether it is
 * online, for how long, what it uses of its CPUs and memory, and how full
 * each storage on it is. Stale facts say so, with when and why.
 */
export function HostLiveFacts(props: { entity: Entity }) {
  const live = getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.device>(
    props.entity,
  ).live;
  if (!live) return null;
  const rows: Array<[string, string | undefined]> = [
    ['Node', `${live.node} (Proxmox VE ${live.source})`],
    ['Uptime', uptimeText(live.uptimeSeconds)],
    [
      'CPU in use',
      live.cpuUse !== undefined && live.cpus
        ? `${Number((live.cpuUse * 100).toFixed(1))}% of ${live.cpus} CPUs`
        : undefined,
    ],
    [
      'Memory in use',
      live.memoryMaxBytes
        ? `${bytes(live.memoryBytes)} of ${bytes(live.memoryMaxBytes)}`
        : undefined,
    ],
    ...live.storage.map((storage): [string, string] => [
      `Storage ${storage.name}`,
      `${bytes(storage.usedBytes)} of ${bytes(storage.totalBytes)}${
        storage.type
          ? ` (${storage.type}${storage.shared ? ', shared' : ''})`
          : ''
      }`,
    ]),
    ['Observed', formatTime(live.observedAt)],
  ];
  return (
    <div data-testid="host-live-facts" style={{ marginTop: 12 }}>
      {live.stale && (
        <Alert severity="warning" style={{ marginBottom: 8 }}>
          Stale: Proxmox VE {live.source} could not be read; facts from{' '}
          {formatTime(live.observedAt)}
          {live.error ? ` (${live.error})` : ''}.
        </Alert>
      )}
      <Typography variant="subtitle2" gutterBottom>
        {live.recorded ? 'Recorded (not a live server)' : 'Live'}{' '}
        <StatusChip
          status={live.status === 'online' ? 'ok' : 'unknown'}
          label={live.status}
        />
      </Typography>
      <Facts rows={rows} />
    </div>
  );
}
