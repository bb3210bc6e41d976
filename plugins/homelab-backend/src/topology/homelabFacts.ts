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
  live?: { ready?: string; stale?: boolean; observedAt?: string };
  addresses?: Array<{ start: string; end?: string }>;
  interfaces?: Array<{ network: string }>;
}

/** An entity's spec.homelab; empty when it has none. */
export const homelabFacts = (entity: Entity) =>
  (entity.spec?.homelab ?? {}) as HomelabFacts;
