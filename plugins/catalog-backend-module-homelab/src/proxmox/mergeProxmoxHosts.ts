import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { ProxmoxResource, toInventoryName } from '@homelab/plugin-homelab-node';
import { ProxmoxDiscovery } from './discoverProxmox';
import { InventoryDrift } from './guestDrift';

/** A JSON object, as an entity's spec holds. */
type JsonObject = NonNullable<Entity['spec']>;

/** The record without its undefined values, as the catalog stores JSON. */
const defined = (record: Record<string, unknown>): JsonObject =>
  Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  ) as JsonObject;

function storageFacts(storage: ProxmoxResource) {
  return defined({
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
  const stale = discovery.state !== 'ok';
  return defined({
    source: discovery.source,
    observedAt: discovery.lastSuccessAt ?? discovery.checkedAt,
    stale,
    error: stale ? discovery.error : undefined,
    recorded: discovery.location.startsWith('file:') || undefined,
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
      const device = entities.find(
        e =>
          e.spec?.type === HOMELAB_RESOURCE_TYPES.device &&
          e.metadata.name === toInventoryName(node.node!),
      );
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
