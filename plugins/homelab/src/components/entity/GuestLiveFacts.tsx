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

/** Where a hypervisor saw a guest that the inventory does not list. */
const NOT_IN_INVENTORY = 'homelab.dev/not-in-inventory';

const bytes = (value?: number) =>
  value === undefined ? '?' : memoryQuantityText(String(value));

/**
 * What Proxmox VE says of a virtual machine or container now: whether it
 * runs, where, for how long, and what it uses of what it was given. Stale
 * facts say so, with when they were read and why the last read failed; a
 * guest the inventory does not list says that first.
 */
export function GuestLiveFacts(props: { entity: Entity }) {
  const { entity } = props;
  const notInInventory = entity.metadata.annotations?.[NOT_IN_INVENTORY];
  const live =
    getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.virtualMachine>(entity).live;
  if (!live) return null;
  const rows: Array<[string, string | undefined]> = [
    ['Node', `${live.node} (Proxmox VE ${live.source})`],
    ['Type', live.type === 'lxc' ? 'LXC container' : 'QEMU virtual machine'],
    ['Uptime', uptimeText(live.uptimeSeconds)],
    [
      'CPU in use',
      live.cpuUse !== undefined && live.vcpus
        ? `${Number((live.cpuUse * 100).toFixed(1))}% of ${live.vcpus} vCPUs`
        : undefined,
    ],
    [
      'Memory in use',
      live.memoryMaxBytes
        ? `${bytes(live.memoryBytes)} of ${bytes(live.memoryMaxBytes)}`
        : undefined,
    ],
    [
      'Disk in use',
      // Proxmox reports 0 for a VM whose guest agent does not tell it.
      live.diskMaxBytes && live.diskBytes
        ? `${bytes(live.diskBytes)} of ${bytes(live.diskMaxBytes)}`
        : undefined,
    ],
    ['Observed', formatTime(live.observedAt)],
  ];
  return (
    <div data-testid="guest-live-facts" style={{ marginTop: 12 }}>
      {notInInventory && (
        <Alert severity="warning" style={{ marginBottom: 8 }}>
          Not in the inventory: {notInInventory}.
        </Alert>
      )}
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
          status={live.status === 'running' ? 'ok' : 'unknown'}
          label={live.status}
        />
      </Typography>
      <Facts rows={rows} />
    </div>
  );
}
