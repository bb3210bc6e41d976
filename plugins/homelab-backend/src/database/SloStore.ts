import { SloDefinition, SloStatus } from '@homelab/plugin-homelab-common';

/** An SLO with its last successful evaluation. */
export interface StoredSlo {
  definition: SloDefinition;
  status: Omit<SloStatus, 'slo'>;
}

/** The SLOs with their latest evaluation, and the history of every evaluation. */
export interface SloStore {
  /** Replaces the set of SLOs with freshly evaluated ones, and adds their values to the history. */
  replaceSlos(slos: StoredSlo[], evaluatedAt: Date): Promise<void>;
  /** Every SLO, or an entity's, by id. */
  slos(filter?: { entityRef?: string }): Promise<StoredSlo[]>;
  /** One SLO by id; undefined when there is none. */
  slo(id: string): Promise<StoredSlo | undefined>;
  /** Removes evaluation history older than `before`. */
  prune(before: Date): Promise<void>;
}
