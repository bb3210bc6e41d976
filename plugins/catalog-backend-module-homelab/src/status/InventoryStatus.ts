import type {
  ClusterDiscovery,
  InventoryProblem,
} from '@homelab/plugin-homelab-node';
import type { NetboxDiscovery } from '../netbox/discoverNetbox';
import type { ProxmoxDiscovery } from '../proxmox/discoverProxmox';
import type { InventoryDrift } from '../proxmox/guestDrift';

/**
 * The outcome of an inventory provider's last refresh.
 *
 * @public
 */
export interface InventoryStatus {
  /** The entity provider, homelab-inventory:<name>. */
  provider: string;
  /** The inventory's file, folder or URL, as configured. */
  target: string;
  /**
   * valid: ingested (warnings allowed); invalid: the last good entities were
   * kept and the problems are listed; unreadable: the inventory could not be
   * read at all, and the last good entities were kept.
   */
  state: 'valid' | 'invalid' | 'unreadable';
  /** When the refresh ran. */
  checkedAt: string;
  /** When the inventory was last ingested; absent if it never was. */
  lastValidAt?: string;
  /** Why the inventory could not be read (state unreadable). */
  error?: string;
  /** Inventory files read. */
  fileCount: number;
  /** Errors found; any makes the inventory invalid. */
  errorCount: number;
  /** Warnings found. */
  warningCount: number;
  /** The problems of the last check; at most MAX_STORED_PROBLEMS of them. */
  problems: InventoryProblem[];
  /** Entities ingested by the last valid refresh. */
  entityCount?: number;
  /** What discovery knows of each cluster of the inventory. */
  clusters: ClusterDiscovery[];
  /** What discovery knows of each Proxmox VE source (homelab.inventory.proxmox). */
  hypervisors?: ProxmoxDiscovery[];
  /** What each NetBox source (homelab.inventory.netbox) gave, with its last good snapshot. */
  netbox?: NetboxDiscovery[];
  /** Where the inventory and its hypervisors or NetBox disagree, as of the last valid refresh. */
  drift?: InventoryDrift[];
}

export const MAX_STORED_PROBLEMS = 1000;
