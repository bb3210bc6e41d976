import { FluxObject } from '@homelab/plugin-homelab-common';

/** Which Flux objects to read; every field left out matches all. */
export interface FluxObjectFilter {
  cluster?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  entityRef?: string;
}

/** The Flux objects of each cluster's last successful collection. */
export interface FluxObjectStore {
  /** Replaces one cluster's objects as a whole. */
  replaceFluxObjects(
    cluster: string,
    objects: FluxObject[],
    collectedAt: Date,
  ): Promise<void>;
  /** Stores the state of one object after the portal changed it. */
  updateFluxObject(object: FluxObject): Promise<void>;
  /** The objects that match, by cluster, kind, namespace and name. */
  fluxObjects(filter?: FluxObjectFilter): Promise<FluxObject[]>;
}
