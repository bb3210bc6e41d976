import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { ProxmoxDiscovery } from './discoverProxmox';
import { guestDifferences, InventoryDrift } from './guestDrift';
import { liveSourceFacts } from './liveSourceFacts';
import { nodeDevice } from './nodeDevice';
import { ProxmoxResource, toInventoryName } from '@homelab/plugin-homelab-node';

/** Marks an entity that a hypervisor knows and the inventory does not. */
const NOT_IN_INVENTORY_ANNOTATION = 'homelab.dev/not-in-inventory';

const isGuest = (r: ProxmoxResource) =>
  (r.type === 'qemu' || r.type === 'lxc') && r.template !== 1;

function liveFacts(discovery: ProxmoxDiscovery, guest: ProxmoxResource) {
  return liveSourceFacts(discovery, {
    vmid: Number(guest.vmid),
    node: guest.node ?? '',
    type: guest.type,
    status: guest.status ?? 'unknown',
    uptimeSeconds: guest.uptime,
    vcpus: guest.maxcpu,
    cpuUse: guest.cpu,
    memoryBytes: guest.mem,
    memoryMaxBytes: guest.maxmem,
    diskBytes: guest.disk,
    diskMaxBytes: guest.maxdisk,
  });
}

/** The inventory device named as the guest's Proxmox node, if there is one. */
function hostOf(entities: Entity[], guest: ProxmoxResource) {
  const host = nodeDevice(entities, guest.node);
  return host ? stringifyEntityRef(host) : undefined;
}

const hostName = (vm: Entity) =>
  (vm.spec?.homelab as { hostedOn?: string } | undefined)?.hostedOn
    ?.split('/')
    .pop();

/**
 * The inventory VM a guest is: the one with its vmid, else the one of its
 * name. A vmid is unique only within one Proxmox cluster, so a VM on a node
 * of another source is never this source's guest.
 */
function findVm(
  vms: Entity[],
  guest: ProxmoxResource,
  otherSourcesNodes: ReadonlySet<string>,
): Entity | undefined {
  const vmid = Number(guest.vmid);
  return (
    vms.find(
      vm =>
        (vm.spec?.homelab as any)?.vmid === vmid &&
        !otherSourcesNodes.has(hostName(vm) ?? ''),
    ) ??
    vms.find(
      vm =>
        (vm.spec?.homelab as any)?.vmid === undefined &&
        guest.name !== undefined &&
        (vm.metadata.name === toInventoryName(guest.name) ||
          vm.metadata.title === guest.name),
    )
  );
}

/**
 * Merges what Proxmox VE runs into the inventory's entities: a guest the
 * inventory lists gets its live facts (status, uptime, CPU, memory and disk
 * use; stale with the error when the last read failed); a guest it does not
 * list becomes an entity of its own, marked not in the inventory; an
 * inventory VM that a source should run and does not is reported. Every
 * disagreement is drift, in words. Sources never read successfully add
 * nothing and report nothing: unknown is not absent.
 */
export function mergeProxmoxGuests(
  entities: Entity[],
  discoveries: ProxmoxDiscovery[],
): { entities: Entity[]; drift: InventoryDrift[] } {
  const drift: InventoryDrift[] = [];
  const merged = entities.map(entity => ({ ...entity }));
  const vms = merged.filter(
    e => e.spec?.type === HOMELAB_RESOURCE_TYPES.virtualMachine,
  );
  const taken = new Set(merged.map(e => e.metadata.name));
  const owner = String(merged.find(e => e.spec?.owner)?.spec?.owner ?? '');
  const matched = new Set<Entity>();
  const added: Entity[] = [];

  const read = discoveries.filter(d => d.lastSuccessAt);
  // As inventory names, which is how the inventory's VMs name their host.
  const nodesOf = (d: ProxmoxDiscovery) =>
    d.resources
      .filter(r => r.type === 'node')
      .map(r => toInventoryName(r.node!));
  for (const discovery of read) {
    const otherSourcesNodes = new Set(
      read.filter(d => d !== discovery).flatMap(nodesOf),
    );
    const source =
      discovery.state === 'ok'
        ? `Proxmox VE ${discovery.source}`
        : `Proxmox VE ${discovery.source} (as read at ${discovery.lastSuccessAt}; the last read failed)`;
    const nodeNames = new Set(nodesOf(discovery));
    for (const guest of discovery.resources.filter(isGuest)) {
      const vm = findVm(vms, guest, otherSourcesNodes);
      const live = liveFacts(discovery, guest);
      if (vm) {
        matched.add(vm);
        vm.spec = {
          ...vm.spec,
          homelab: { ...(vm.spec?.homelab as object), live },
        };
        const differences = guestDifferences(vm, guest, nodeNames);
        if (differences.length) {
          drift.push({
            source: discovery.source,
            kind: 'differs',
            entityRef: stringifyEntityRef(vm),
            message: `${guest.type}/${guest.vmid} ${
              guest.name
            } in ${source}: ${differences.join('; ')}`,
          });
        }
        continue;
      }
      const base = toInventoryName(guest.name ?? `${guest.type}-${guest.vmid}`);
      const name = taken.has(base) ? `${base}-${guest.vmid}` : base;
      taken.add(name);
      const what = guest.type === 'lxc' ? 'Container' : 'Virtual machine';
      const entity: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name,
          title: guest.name,
          description: `${what} ${guest.vmid} on Proxmox VE node ${guest.node} (${discovery.source}); the inventory does not list it.`,
          tags: ['proxmox', 'not-in-inventory'],
          annotations: {
            // The catalog keeps only entities that say where they come from.
            [ANNOTATION_LOCATION]: discovery.location,
            [ANNOTATION_ORIGIN_LOCATION]: discovery.location,
            [NOT_IN_INVENTORY_ANNOTATION]: `Proxmox VE ${discovery.source} runs ${guest.type}/${guest.vmid}; the inventory does not list it`,
          },
        },
        spec: {
          type: HOMELAB_RESOURCE_TYPES.virtualMachine,
          owner,
          homelab: {
            kind: 'virtual-machine',
            vmid: Number(guest.vmid),
            ...(guest.maxcpu ? { vcpus: guest.maxcpu } : {}),
            ...(guest.maxmem
              ? { memoryGB: Number((guest.maxmem / 1024 ** 3).toFixed(2)) }
              : {}),
            ...(hostOf(merged, guest)
              ? { hostedOn: hostOf(merged, guest) }
              : {}),
            live,
          },
        },
      };
      added.push(entity);
      drift.push({
        source: discovery.source,
        kind: 'not-in-inventory',
        entityRef: stringifyEntityRef(entity),
        message: `${guest.type}/${guest.vmid} ${guest.name} runs on ${guest.node} in ${source}; the inventory does not list it`,
      });
    }
    for (const vm of vms.filter(v => !matched.has(v))) {
      const homelab = vm.spec?.homelab as { vmid?: number };
      const host = hostName(vm);
      if (!host || !nodeNames.has(host)) continue;
      drift.push({
        source: discovery.source,
        kind: 'not-in-source',
        entityRef: stringifyEntityRef(vm),
        message: `${vm.metadata.name}${
          homelab.vmid ? ` (vmid ${homelab.vmid})` : ''
        } is in the inventory on ${host}, but ${source} runs no such guest`,
      });
    }
  }
  return { entities: [...merged, ...added], drift };
}
