import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  acceleratorText,
  cpuText,
  disksText,
  getHomelabSpec,
  HOMELAB_RESOURCE_TYPES,
  HomelabSpec,
  linkSpeedText,
  memoryText,
  osText,
  powerText,
  RELATION_HOSTS,
} from '@homelab/plugin-homelab-common';
import Chip from '@material-ui/core/Chip';
import Alert from '@material-ui/lab/Alert';
import { ReactNode } from 'react';
import { formatTime } from '../shared/formatTime';
import { Facts } from '../shared/Facts';
import { DriftAlert } from './DriftAlert';
import { GuestLiveFacts } from './GuestLiveFacts';
import { HostLiveFacts } from './HostLiveFacts';
import { cpuQuantityText, memoryQuantityText } from '../shared/quantityText';

const refName = (ref?: string) => ref?.split('/').pop();

type DeviceSpec = Partial<HomelabSpec<typeof HOMELAB_RESOURCE_TYPES.device>>;

/**
 * A board's slots, used and free: "4 — 3 used (rk1-1, rk1-2, rk1-3), 1 free",
 * from the devices it hosts.
 */
function slotsText(
  slots: number | undefined,
  hosted: string[],
): string | undefined {
  if (!slots) return undefined;
  if (!hosted.length) return `${slots} — all free`;
  const used = Math.min(hosted.length, slots);
  const names = hosted.map(ref => refName(ref) ?? ref).sort();
  return `${slots} — ${used} used (${names.join(', ')}), ${slots - used} free`;
}

function deviceRows(
  device: DeviceSpec,
  hosted: string[] = [],
): Array<[string, ReactNode | undefined]> {
  return [
    ['Kind', device.kind],
    [
      'Vendor and model',
      [device.vendor, device.model].filter(Boolean).join(' '),
    ],
    [
      'CPU',
      device.cpu?.model
        ? `${device.cpu.model}, ${cpuText(device)}`
        : cpuText(device),
    ],
    ['Memory', memoryText(device)],
    ['Accelerators', acceleratorText(device)],
    ['Storage', disksText(device.disks)],
    ['Power', powerText(device)],
    ['Operating system', osText(device.os)],
    [
      'Network',
      device.interfaces
        ?.map(i =>
          [
            i.address ?? 'DHCP',
            `on ${i.network}`,
            i.speedGbps ? `(${linkSpeedText(i.speedGbps)})` : '',
          ]
            .filter(Boolean)
            .join(' '),
        )
        .join('; '),
    ],
    [
      'Management',
      device.management && (
        <>
          {device.management.url ? (
            <a href={device.management.url}>{device.management.address}</a>
          ) : (
            device.management.address
          )}{' '}
          {device.management.protocol}
        </>
      ),
    ],
    [
      'Slot',
      device.slot &&
        `slot ${device.slot.number} of ${refName(device.slot.board)}`,
    ],
    ['Slots', slotsText(device.slots, hosted)],
    ['Ports', device.ports],
    [
      // A module's board is its slot's; what else hosts a device is a VM's host.
      'Host',
      !device.slot && device.hostedOn
        ? `${refName(device.hostedOn)}${
            device.vmid ? `, VM ${device.vmid}` : ''
          }`
        : undefined,
    ],
    ['Status', device.status !== 'active' ? device.status : undefined],
  ];
}

/**
 * The hardware facts of a homelab device, VM or Kubernetes node, from the
 * inventory; for nodes also what the cluster last reported, and the drift
 * between the two.
 */
export function EntityHardwareCard() {
  const { entity } = useEntity();
  if (entity.spec?.type === HOMELAB_RESOURCE_TYPES.node) {
    const homelab = getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.node>(entity);
    const live = homelab.live;
    return (
      <InfoCard title="Node">
        {homelab.presence === 'inventory-only' && (
          <Alert severity="error" style={{ marginBottom: 8 }}>
            In the inventory, but the cluster does not report this node.
          </Alert>
        )}
        {live?.stale && (
          <Alert severity="warning" style={{ marginBottom: 8 }}>
            Stale: the cluster could not be read; facts from{' '}
            {formatTime(live.observedAt)}
            {live.error ? ` (${live.error})` : ''}.
          </Alert>
        )}
        <Facts
          rows={[
            ['Cluster', homelab.cluster],
            [
              'Roles',
              homelab.roles?.map(role => (
                <Chip
                  key={role}
                  size="small"
                  label={role}
                  style={{ marginRight: 4 }}
                />
              )),
            ],
            ['Device', refName(homelab.hostedOn) ?? homelab.device],
            ['Ready', live?.ready],
            ['Kubelet', live?.kubeletVersion],
            ['OS image', live?.osImage],
            ['Kernel', live?.kernelVersion],
            ['Container runtime', live?.containerRuntime],
            ['Architecture', live?.architecture],
            [
              'Capacity',
              live?.capacity &&
                `${
                  live.capacity.cpu ? cpuQuantityText(live.capacity.cpu) : '?'
                }, ${
                  live.capacity.memory
                    ? memoryQuantityText(live.capacity.memory)
                    : '?'
                } memory, ${live.capacity.pods ?? '?'} pods`,
            ],
            ['Address', live?.internalIP],
            ['Observed', live?.observedAt && formatTime(live.observedAt)],
            [
              'Not checked',
              !live
                ? 'its cluster is not configured for live discovery'
                : undefined,
            ],
          ]}
        />
        <DriftAlert drift={homelab.drift} source="the cluster" />
      </InfoCard>
    );
  }
  const device = getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.device>(entity);
  return (
    <InfoCard title="Hardware">
      <Facts
        rows={deviceRows(
          device,
          (entity.relations ?? [])
            .filter(r => r.type === RELATION_HOSTS)
            .map(r => r.targetRef),
        )}
      />
      {entity.spec?.type === HOMELAB_RESOURCE_TYPES.virtualMachine ? (
        <GuestLiveFacts entity={entity} />
      ) : (
        <HostLiveFacts entity={entity} />
      )}
      <DriftAlert drift={device.drift} source="its live sources" />
    </InfoCard>
  );
}
