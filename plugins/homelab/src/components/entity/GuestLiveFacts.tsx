import { Entity } from '@backstage/catalog-model';
import {
  getHomelabSpec,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import Alert from '@material-ui/lab/Alert';
import {
  bytesText,
  cpuUseText,
  ProxmoxLiveFacts,
  usageText,
} from './ProxmoxLiveFacts';
import { uptimeText } from './uptimeText';

/** Where a hypervisor saw a guest that the inventory does not list. */
const NOT_IN_INVENTORY = 'homelab.dev/not-in-inventory';

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
  return (
    <ProxmoxLiveFacts
      testId="guest-live-facts"
      live={live}
      healthy={live.status === 'running'}
      notice={
        notInInventory && (
          <Alert severity="warning" style={{ marginBottom: 8 }}>
            Not in the inventory: {notInInventory}.
          </Alert>
        )
      }
      rows={[
        ['Node', `${live.node} (Proxmox VE ${live.source})`],
        [
          'Type',
          live.type === 'lxc' ? 'LXC container' : 'QEMU virtual machine',
        ],
        ['Uptime', uptimeText(live.uptimeSeconds)],
        ['CPU in use', cpuUseText(live.cpuUse, live.vcpus, 'vCPUs')],
        ['Memory in use', usageText(live.memoryBytes, live.memoryMaxBytes)],
        [
          'Disk in use',
          // Proxmox reports 0 for a VM whose guest agent does not tell it.
          live.diskMaxBytes && live.diskBytes
            ? `${bytesText(live.diskBytes)} of ${bytesText(live.diskMaxBytes)}`
            : undefined,
        ],
      ]}
    />
  );
}
