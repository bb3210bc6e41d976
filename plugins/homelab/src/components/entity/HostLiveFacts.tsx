import { Entity } from '@backstage/catalog-model';
import {
  getHomelabSpec,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import {
  bytesText,
  cpuUseText,
  ProxmoxLiveFacts,
  usageText,
} from './ProxmoxLiveFacts';
import { uptimeText } from './uptimeText';

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
  return (
    <ProxmoxLiveFacts
      testId="host-live-facts"
      live={live}
      healthy={live.status === 'online'}
      rows={[
        ['Node', `${live.node} (Proxmox VE ${live.source})`],
        ['Uptime', uptimeText(live.uptimeSeconds)],
        ['CPU in use', cpuUseText(live.cpuUse, live.cpus, 'CPUs')],
        ['Memory in use', usageText(live.memoryBytes, live.memoryMaxBytes)],
        ...live.storage.map((storage): [string, string] => [
          `Storage ${storage.name}`,
          `${bytesText(storage.usedBytes)} of ${bytesText(storage.totalBytes)}${
            storage.type
              ? ` (${storage.type}${storage.shared ? ', shared' : ''})`
              : ''
          }`,
        ]),
      ]}
    />
  );
}
