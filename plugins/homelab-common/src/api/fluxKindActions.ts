import { FluxKind } from './types';

/**
 * What the portal can ask of a Flux object of one kind.
 *
 * @public
 */
export interface FluxKindActions {
  /** Reconcile now: the controller honours reconcile.fluxcd.io/requestedAt. */
  reconcile: boolean;
  /** Suspend and resume: the kind has a way to pause its reconciliation. */
  suspend: boolean;
}

/**
 * The actions each Flux kind supports, shared by the backend (which refuses
 * the others) and the frontend (which offers only these). An
 * ExternalArtifact has neither: no controller reconciles it on request and
 * it has no suspend; whatever produces it (an ArtifactGenerator) does. The
 * flux-operator's own kind table marks it not reconcilable for the same
 * reason.
 *
 * @public
 */
export const FLUX_KIND_ACTIONS: Readonly<Record<FluxKind, FluxKindActions>> = {
  GitRepository: { reconcile: true, suspend: true },
  OCIRepository: { reconcile: true, suspend: true },
  HelmRepository: { reconcile: true, suspend: true },
  ExternalArtifact: { reconcile: false, suspend: false },
  ArtifactGenerator: { reconcile: true, suspend: true },
  Kustomization: { reconcile: true, suspend: true },
  HelmRelease: { reconcile: true, suspend: true },
  FluxInstance: { reconcile: true, suspend: true },
  ResourceSet: { reconcile: true, suspend: true },
};
