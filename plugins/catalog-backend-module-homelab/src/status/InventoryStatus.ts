import type {
  ClusterDiscovery,
  InventoryProblem,
} from '@homelab/plugin-homelab-node';

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
}

export const MAX_STORED_PROBLEMS = 1000;
