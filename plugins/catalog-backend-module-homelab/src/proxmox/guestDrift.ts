import { Entity } from '@backstage/catalog-model';
import { ProxmoxResource, toInventoryName } from '@homelab/plugin-homelab-node';

/**
 * Where the inventory and a hypervisor disagree, in words.
 *
 * @public
 */
export interface InventoryDrift {
  /** The hypervisor source, as homelab.inventory.proxmox names it. */
  source: string;
  /**
   * not-in-inventory: the hypervisor runs a guest the inventory does not
   * list; not-in-source: the inventory lists a guest the hypervisor does not
   * run; differs: both have it, with different resources or placement.
   */
  kind: 'not-in-inventory' | 'not-in-source' | 'differs';
  /** The entity concerned, like resource:default/docker-host. */
  entityRef: string;
  /** The disagreement, for people. */
  message: string;
}

type Amount = number | { min: number; max: number };

const GIB = 1024 ** 3;

function within(amount: Amount, value: number, tolerance: number): boolean {
  const { min, max } =
    typeof amount === 'number' ? { min: amount, max: amount } : amount;
  return value >= min - tolerance && value <= max + tolerance;
}

const amountText = (amount: Amount) =>
  typeof amount === 'number' ? String(amount) : `${amount.min}–${amount.max}`;

/**
 * The differences between an inventory VM and the guest Proxmox runs for
 * it: vCPUs, memory (the inventory's GB read as GiB, as Proxmox sizes
 * memory in MiB, within 5%) and the node it runs on, when the inventory's
 * host is one of this source's nodes.
 */
export function guestDifferences(
  entity: Entity,
  guest: ProxmoxResource,
  nodeNames: ReadonlySet<string>,
): string[] {
  const homelab = (entity.spec?.homelab ?? {}) as {
    vcpus?: Amount;
    memoryGB?: Amount;
    hostedOn?: string;
  };
  const differences: string[] = [];
  if (homelab.vcpus !== undefined && guest.maxcpu !== undefined) {
    if (!within(homelab.vcpus, guest.maxcpu, 0)) {
      differences.push(
        `${guest.maxcpu} vCPUs, the inventory says ${amountText(
          homelab.vcpus,
        )}`,
      );
    }
  }
  if (homelab.memoryGB !== undefined && guest.maxmem !== undefined) {
    const gib = guest.maxmem / GIB;
    const mid =
      typeof homelab.memoryGB === 'number'
        ? homelab.memoryGB
        : homelab.memoryGB.max;
    if (!within(homelab.memoryGB, gib, mid * 0.05)) {
      differences.push(
        `${Number(
          gib.toFixed(2),
        )} GiB of memory, the inventory says ${amountText(
          homelab.memoryGB,
        )} GB`,
      );
    }
  }
  const host = homelab.hostedOn?.split('/').pop();
  if (
    host &&
    guest.node &&
    nodeNames.has(host) &&
    host !== toInventoryName(guest.node)
  ) {
    differences.push(`runs on ${guest.node}, the inventory says ${host}`);
  }
  return differences;
}
