import { InputError, NotFoundError } from '@backstage/errors';
import {
  FLUX_KIND_ACTIONS,
  FluxCluster,
  FluxKind,
  FluxObject,
} from '@homelab/plugin-homelab-common';
import { HomelabClusterClientsService } from '@homelab/plugin-homelab-node';
import { FluxObjectStore } from '../database/FluxObjectStore';
import { printable } from '../service/printable';
import { fluxResourceType, pausedByAnnotation } from './fluxResources';
import { RawFluxObject, parseFluxObject } from './parseFluxObject';

/** The annotation `flux reconcile` sets to ask a controller to reconcile now. */
const RECONCILE_REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';

/** Identifies one Flux object. */
export interface FluxObjectRef {
  cluster: string;
  kind: FluxKind;
  namespace: string;
  name: string;
}

/**
 * The changes the portal makes to Flux objects, as the flux and flux-operator
 * CLIs make them: reconcile sets reconcile.fluxcd.io/requestedAt; suspend and
 * resume set spec.suspend, or for kinds without it (ArtifactGenerator,
 * FluxInstance, ResourceSet) their reconcile annotation to "disabled" or
 * "enabled". A kind that supports neither (ExternalArtifact) is refused
 * before anything is sent. Only objects the collector has seen, in clusters
 * the operator configured, can be changed; the stored object is updated from
 * the API server's answer.
 */
export class FluxActions {
  constructor(
    private readonly clients: Pick<HomelabClusterClientsService, 'get'>,
    private readonly store: FluxObjectStore,
  ) {}

  /**
   * Whether changes to a cluster's objects can go through, and if not why:
   * a recorded snapshot refuses every patch, and a cluster no longer in
   * homelab.clusters has no client to send one.
   */
  access(cluster: string): FluxCluster {
    const client = this.clients.get(cluster);
    if (!client) {
      return {
        cluster,
        recorded: false,
        readOnly: true,
        reason: `cluster "${cluster}" is not in homelab.clusters`,
      };
    }
    if (client.recorded) {
      return {
        cluster,
        recorded: true,
        readOnly: true,
        reason: `cluster "${cluster}" is a recorded snapshot and cannot be changed`,
      };
    }
    return { cluster, recorded: false, readOnly: false };
  }

  async reconcile(ref: FluxObjectRef, requestedAt: Date): Promise<FluxObject> {
    refuseUnsupported(ref.kind, 'reconcile');
    return this.#patch(ref, {
      metadata: {
        annotations: { [RECONCILE_REQUESTED_AT]: requestedAt.toISOString() },
      },
    });
  }

  /**
   * Suspends or resumes. A resumed annotation-paused object also gets a
   * reconcile request, as the flux-operator CLI sends: source-watcher and
   * the operator stop requeueing a paused object, and the annotation change
   * alone does not wake source-watcher.
   */
  async setSuspended(
    ref: FluxObjectRef,
    suspended: boolean,
    now: Date,
  ): Promise<FluxObject> {
    refuseUnsupported(ref.kind, 'suspend');
    const pausedBy = pausedByAnnotation(ref.kind);
    if (!pausedBy) return this.#patch(ref, { spec: { suspend: suspended } });
    return this.#patch(ref, {
      metadata: {
        annotations: suspended
          ? { [pausedBy]: 'disabled' }
          : {
              [pausedBy]: 'enabled',
              [RECONCILE_REQUESTED_AT]: now.toISOString(),
            },
      },
    });
  }

  async #patch(ref: FluxObjectRef, patch: object): Promise<FluxObject> {
    const client = this.clients.get(ref.cluster);
    const [known] = client ? await this.store.fluxObjects(ref) : [];
    if (!client || !known) {
      throw new NotFoundError(
        `No ${printable(ref.kind)} ${printable(ref.namespace)}/${printable(
          ref.name,
        )} is known in cluster "${printable(ref.cluster)}"`,
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

/** Refuses an action the kind has no way to carry out, saying why. */
function refuseUnsupported(kind: FluxKind, action: 'reconcile' | 'suspend') {
  if (FLUX_KIND_ACTIONS[kind][action]) return;
  const verb = action === 'reconcile' ? 'reconciled' : 'suspended or resumed';
  const why =
    kind === 'ExternalArtifact'
      ? 'the controller that produces one owns it; act on its producer (its sourceRef, such as an ArtifactGenerator) instead'
      : 'the kind has no way to do it';
  throw new InputError(`${kind}s cannot be ${verb}: ${why}`);
}
