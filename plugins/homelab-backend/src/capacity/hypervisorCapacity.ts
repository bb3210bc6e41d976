import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Amount,
  GuestAllocation,
  HOMELAB_RESOURCE_TYPES,
  HypervisorCapacity,
  amountBounds,
} from '@homelab/plugin-homelab-common';

/** The inventory's memory is in GB as machines are sold: GiB. */
const GIB = 2 ** 30;

interface MachineFacts {
  status?: string;
  hostedOn?: string;
  cpu?: { cores?: number; threads?: number };
  vcpus?: Amount;
  memoryGB?: Amount;
  live?: {
    observedAt: string;
    cpus?: number;
    vcpus?: number;
    memoryMaxBytes?: number;
  };
}

const facts = (entity: Entity) => entity.spec?.homelab as MachineFacts;
/** The larger end of a planned range: what the machine may be given. */
const most = (amount: Amount | undefined) =>
  amount === undefined ? null : amountBounds(amount).max;

function guestAllocation(guest: Entity): GuestAllocation {
  const { live, vcpus, memoryGB } = facts(guest);
  const common = {
    entityRef: stringifyEntityRef(guest),
    name: guest.metadata.name,
  };
  if (live)
    return {
      ...common,
      vcpus: live.vcpus ?? null,
      memoryBytes: live.memoryMaxBytes ?? null,
      source: 'proxmox',
      observedAt: live.observedAt,
    };
  const memory = most(memoryGB);
  return {
    ...common,
    vcpus: most(vcpus),
    memoryBytes: memory === null ? null : memory * GIB,
    source: 'inventory',
  };
}

const allocated = (values: Array<number | null>) =>
  values.some(v => v === null)
    ? null
    : values.reduce<number>((sum, v) => sum + (v as number), 0);

/**
 * Each host of active virtual machines: its logical CPUs and memory (as
 * Proxmox VE reports them, else the inventory's threads or cores and
 * memory) against its active guests' vCPUs and memory (live, else the
 * inventory's, the larger end of a range). Planned and retired guests are
 * not allocated yet or any more.
 */
export function hypervisorCapacity(resources: Entity[]): HypervisorCapacity[] {
  const guestsByHost = new Map<string, Entity[]>();
  for (const entity of resources) {
    const { hostedOn, status } = facts(entity) ?? {};
    if (entity.spec?.type !== HOMELAB_RESOURCE_TYPES.virtualMachine) continue;
    if (!hostedOn || (status && status !== 'active')) continue;
    guestsByHost.set(hostedOn, [...(guestsByHost.get(hostedOn) ?? []), entity]);
  }
  const hosts: HypervisorCapacity[] = [];
  for (const [hostRef, guests] of guestsByHost) {
    const host = resources.find(e => stringifyEntityRef(e) === hostRef);
    if (!host) continue;
    const { live, cpu, memoryGB } = facts(host);
    const memory = memoryGB === undefined ? null : amountBounds(memoryGB).min;
    const allocations = guests.map(guestAllocation);
    hosts.push({
      entityRef: hostRef,
      name: host.metadata.name,
      ...(host.metadata.title ? { title: host.metadata.title } : {}),
      ...(live
        ? {
            cpus: live.cpus ?? null,
            memoryBytes: live.memoryMaxBytes ?? null,
            source: 'proxmox' as const,
            observedAt: live.observedAt,
          }
        : {
            cpus: cpu?.threads ?? cpu?.cores ?? null,
            memoryBytes: memory === null ? null : memory * GIB,
            source: 'inventory' as const,
          }),
      allocatedVcpus: allocated(allocations.map(g => g.vcpus)),
      allocatedMemoryBytes: allocated(allocations.map(g => g.memoryBytes)),
      guests: allocations.sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  return hosts.sort((a, b) => a.name.localeCompare(b.name));
}
