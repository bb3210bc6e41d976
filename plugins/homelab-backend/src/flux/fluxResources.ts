import { FluxKind } from '@homelab/plugin-homelab-common';
import { KubernetesResourceType } from '@homelab/plugin-homelab-node';

/**
 * Each Flux kind with its API group and the versions this plugin reads,
 * newest first. Flux 2.8/2.9 serve one version per kind (source v1, kustomize
 * v1, helm v2) and removed the betas; older clusters may still serve a beta.
 * The version used is the first of these that the cluster serves, so nothing
 * is hard-coded to one Flux release. Kinds a cluster does not serve (no
 * source-watcher, no Flux Operator) are skipped like any other.
 */
const FLUX_KINDS: Array<{
  kind: FluxKind;
  group: string;
  plural: string;
  versions: string[];
  /**
   * For kinds without spec.suspend: the annotation whose value "disabled"
   * pauses reconciliation (compared case-insensitively, as the controllers
   * do) and "enabled" resumes it.
   */
  pausedBy?: string;
  /**
   * The kind came to its group later than the group's other kinds, so a
   * cluster with an older release serves the group without it (404): that
   * is no fault, and the kind is skipped without a warning.
   */
  laterAddition?: boolean;
}> = [
  {
    kind: 'GitRepository',
    group: 'source.toolkit.fluxcd.io',
    plural: 'gitrepositories',
    versions: ['v1', 'v1beta2'],
  },
  {
    kind: 'OCIRepository',
    group: 'source.toolkit.fluxcd.io',
    plural: 'ocirepositories',
    versions: ['v1', 'v1beta2'],
  },
  {
    kind: 'HelmRepository',
    group: 'source.toolkit.fluxcd.io',
    plural: 'helmrepositories',
    versions: ['v1', 'v1beta2'],
  },
  {
    // Flux 2.7 (source-controller v1.7): written by other controllers, such
    // as source-watcher for an ArtifactGenerator; only v1 was ever served.
    kind: 'ExternalArtifact',
    group: 'source.toolkit.fluxcd.io',
    plural: 'externalartifacts',
    versions: ['v1'],
    laterAddition: true,
  },
  {
    // source-watcher (a Flux 2.7 extra component); its only version so far.
    kind: 'ArtifactGenerator',
    group: 'source.extensions.fluxcd.io',
    plural: 'artifactgenerators',
    versions: ['v1beta1'],
    pausedBy: 'source.extensions.fluxcd.io/reconcile',
  },
  {
    kind: 'Kustomization',
    group: 'kustomize.toolkit.fluxcd.io',
    plural: 'kustomizations',
    versions: ['v1', 'v1beta2'],
  },
  {
    kind: 'HelmRelease',
    group: 'helm.toolkit.fluxcd.io',
    plural: 'helmreleases',
    versions: ['v2', 'v2beta2', 'v2beta1'],
  },
  {
    // The Flux Operator's: the Flux installation itself.
    kind: 'FluxInstance',
    group: 'fluxcd.controlplane.io',
    plural: 'fluxinstances',
    versions: ['v1'],
    pausedBy: 'fluxcd.controlplane.io/reconcile',
  },
  {
    // Came to the Flux Operator after FluxInstance.
    kind: 'ResourceSet',
    group: 'fluxcd.controlplane.io',
    plural: 'resourcesets',
    versions: ['v1'],
    pausedBy: 'fluxcd.controlplane.io/reconcile',
    laterAddition: true,
  },
];

/** The annotation that pauses a kind without spec.suspend, if it is one. */
export const pausedByAnnotation = (kind: FluxKind): string | undefined =>
  FLUX_KINDS.find(k => k.kind === kind)?.pausedBy;

/**
 * For each Flux kind whose group the cluster serves, the resource types to
 * try, preferred version first. A group's versions are served per kind
 * (Flux 2.4 serves GitRepository in source v1 but OCIRepository only in
 * v1beta2), so a version that answers 404 for a kind is followed by the
 * next. A kind whose group is not served (Flux not installed) is left out.
 */
export function servedFluxTypes(served: ReadonlyMap<string, string[]>): Array<{
  kind: FluxKind;
  types: KubernetesResourceType[];
  laterAddition: boolean;
}> {
  return FLUX_KINDS.flatMap(
    ({ kind, group, plural, versions, laterAddition }) => {
      const types = versions
        .filter(version => served.get(group)?.includes(version))
        .map(version => ({ group, version, plural }));
      return types.length
        ? [{ kind, types, laterAddition: laterAddition ?? false }]
        : [];
    },
  );
}

/** The resource type of a kind in a given API version. */
export function fluxResourceType(
  kind: FluxKind,
  apiVersion: string,
): KubernetesResourceType {
  const entry = FLUX_KINDS.find(k => k.kind === kind)!;
  return {
    group: entry.group,
    version: apiVersion.split('/')[1],
    plural: entry.plural,
  };
}
