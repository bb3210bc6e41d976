import {
  Cluster,
  Device,
  Network,
  NetworkInterface,
} from '@homelab/plugin-homelab-common';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { InventoryAddition } from '../inventory/editInventory';

/** What provisioning steps use of the action's context. */
export type ProvisioningContext = Pick<
  ActionContext<any, any>,
  'checkpoint' | 'logger' | 'signal'
>;

/** Where a new node is placed, as its provisioning steps need it. */
export interface NodePlacement {
  cluster: Cluster;
  network: Network;
  /** Its static address; DHCP when absent. */
  address?: string;
}

/**
 * A machine a new node is brought up on, such as a Proxmox VE VM or a Turing
 * Pi slot: the device it is in the inventory, and the steps that bring it up.
 */
export interface ProvisioningTarget {
  /**
   * The node's device as the inventory lists it. `recorded` is the device of
   * that name the inventory holds already, written by an earlier run.
   */
  inventoryDevice(
    interfaces: NetworkInterface[],
    recorded: Device | undefined,
  ): InventoryAddition['item'];
  /**
   * Brings the machine up. Every step is a checkpoint, so a retried task
   * resumes where it stopped; returns the VM id when the machine is a VM.
   */
  provision(
    ctx: ProvisioningContext,
    placement: NodePlacement,
  ): Promise<{ vmid?: number }>;
}
