import { Entity } from '@backstage/catalog-model';

/** The fields of an entity's spec.homelab that the topology reads. */
export interface HomelabFacts {
  kind?: string;
  environment?: string;
  cluster?: string;
  network?: string;
  connectedTo?: string[];
  hostedOn?: string;
  partOf?: string[];
  presence?: string;
  live?: {
    ready?: string;
    stale?: boolean;
    observedAt?: string;
    /** A guest's status in Proxmox VE: running, stopped, paused... */
    status?: string;
    /** The Proxmox VE source of a guest's facts. */
    source?: string;
  };
  /** Where a live source and the inventory disagree about it. */
  drift?: string[];
  addresses?: Array<{ start: string; end?: string }>;
  interfaces?: Array<{ network: string }>;
}

/** An entity's spec.homelab; empty when it has none. */
export const homelabFacts = (entity: Entity) =>
  (entity.spec?.homelab ?? {}) as HomelabFacts;
