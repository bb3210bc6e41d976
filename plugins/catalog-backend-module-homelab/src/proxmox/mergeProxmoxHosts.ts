import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ProxmoxResource, toInventoryName } from '@homelab/plugin-homelab-node';
import { ProxmoxDiscovery } from './discoverProxmox';
import { InventoryDrift } from './guestDrift';
import { definedOnly, JsonObject, liveSourceFacts } from './liveSourceFacts';
import { nodeDevice } from './nodeDevice';

function storageFacts(storage: ProxmoxResource) {
  return definedOnly({
    name: storage.storage ?? storage.id,
    type: storage.plugintype,
    content: storage.content,
    shared: storage.shared === undefined ? undefined : storage.shared === 1,
    status: storage.status,
    usedBytes: storage.disk,
    totalBytes: storage.maxdisk,
  });
}

function hostFacts(
  discovery: ProxmoxDiscovery,
  node: ProxmoxResource,
): JsonObject {
  return liveSourceFacts(discovery, {
    node: node.node ?? '',
    status: node.status ?? 'unknown',
    uptimeSeconds: node.uptime,
    cpus: node.maxcpu,
    cpuUse: node.cpu,
    memoryBytes: node.mem,
    memoryMaxBytes: node.maxmem,
    storage: discovery.resources
      .filter(r => r.type === 'storage' && r.node === node.node)
      .map(storageFacts),
  });
}

/**
 * Merges what each Proxmox VE source says of its nodes into the inventory
 * devices named as them: status, uptime, CPU and memory in use, and the
 * storage on the node (spec.homelab.live). A node no device is named as is
 * drift. Sources never read successfully add nothing.
 */
export function mergeProxmoxHosts(
  entities: Entity[],
  discoveries: ProxmoxDiscovery[],
): { entities: Entity[]; drift: InventoryDrift[] } {
  const drift: InventoryDrift[] = [];
  const facts = new Map<Entity, JsonObject>();
  for (const discovery of discoveries) {
    if (!discovery.lastSuccessAt) continue;
    for (const node of discovery.resources.filter(
      r => r.type === 'node' && r.node,
    )) {
      const device = nodeDevice(entities, node.node);
      if (device) {
        facts.set(device, hostFacts(discovery, node));
        continue;
      }
      drift.push({
        source: discovery.source,
        kind: 'not-in-inventory',
        entityRef: stringifyEntityRef({
          kind: 'resource',
          name: toInventoryName(node.node!),
        }),
        message: `Proxmox VE ${discovery.source} has a node ${
          node.node
        }; the inventory has no device named ${toInventoryName(node.node!)}`,
      });
    }
  }
  return {
    entities: entities.map(entity => {
      const live = facts.get(entity);
      if (!live) return entity;
      return {
        ...entity,
        spec: {
          ...entity.spec,
          homelab: { ...(entity.spec?.homelab as object), live },
        },
      };
    }),
    drift,
  };
}
