import { NotFoundError } from '@backstage/errors';
import { FluxKind, FluxObject } from '@homelab/plugin-homelab-common';
import { ClusterClient } from '@homelab/plugin-homelab-node';
import { HomelabStore } from '../database/HomelabStore';
import { fluxResourceType } from './fluxResources';
import { RawFluxObject, parseFluxObject } from './parseFluxObject';

/** The annotation `flux reconcile` sets to ask a controller to reconcile now. */
export const RECONCILE_REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';

/** Identifies one Flux object. */
export interface FluxObjectRef {
  cluster: string;
  kind: FluxKind;
  namespace: string;
  name: string;
}

/**
 * The changes the portal makes to Flux objects, as the flux CLI makes them:
 * reconcile sets reconcile.fluxcd.io/requestedAt, suspend and resume set
 * spec.suspend. Only objects the collector has seen, in clusters the
 * operator configured, can be changed; the stored object is updated from
 * the API server's answer.
 */
export class FluxActions {
  constructor(
    private readonly clients: ReadonlyMap<string, ClusterClient>,
    private readonly store: HomelabStore,
  ) {}

  reconcile(ref: FluxObjectRef, requestedAt: Date): Promise<FluxObject> {
    return this.#patch(ref, {
      metadata: {
        annotations: { [RECONCILE_REQUESTED_AT]: requestedAt.toISOString() },
      },
    });
  }

  setSuspended(ref: FluxObjectRef, suspended: boolean): Promise<FluxObject> {
    return this.#patch(ref, { spec: { suspend: suspended } });
  }

  async #patch(ref: FluxObjectRef, patch: object): Promise<FluxObject> {
    const client = this.clients.get(ref.cluster);
    const [known] = client ? await this.store.fluxObjects(ref) : [];
    if (!client || !known) {
      throw new NotFoundError(
        `No ${ref.kind} ${ref.namespace}/${ref.name} is known in cluster "${ref.cluster}"`,
      );
    }
    const raw = await client.mergePatch<RawFluxObject>(
      fluxResourceType(ref.kind, known.apiVersion),
      ref.namespace,
      ref.name,
      patch,
    );
    const updated = parseFluxObject(raw, ref.kind, ref.cluster);
    const object = known.entityRef
      ? { ...updated, entityRef: known.entityRef }
      : updated;
    await this.store.updateFluxObject(object);
    return object;
  }
}
