import { ManifestDocument } from '../yaml/parseManifests';
import { Origin } from './Origin';
import { Provenance } from './Provenance';

/**
 * A Kubernetes object as a build made it, with where each of its values came
 * from and which patches changed it.
 *
 * @public
 */
export interface Resource {
  object: Record<string, any>;
  /** The document the object was read from. */
  origin: Origin;
  provenance: Provenance;
  /** Every patch that changed it, in the order applied. */
  patchedBy: Origin[];
}

export function resourceOf(document: ManifestDocument): Resource {
  const origin = { file: document.file, document: document.index, path: [] };
  return {
    object: document.object,
    origin,
    provenance: Provenance.of(document.object, origin),
    patchedBy: [],
  };
}

/** The API group of an object: "" for the core group. */
export function groupOf(object: { apiVersion?: string }): string {
  const apiVersion = object.apiVersion ?? '';
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

export function versionOf(object: { apiVersion?: string }): string {
  return (object.apiVersion ?? '').split('/').pop() ?? '';
}

/** "HelmRelease podinfo/podinfo", for messages. */
export function describeResource(object: Record<string, any>): string {
  const namespace = object.metadata?.namespace;
  return `${object.kind} ${namespace ? `${namespace}/` : ''}${
    object.metadata?.name
  }`;
}

/** Kinds that live outside namespaces, among those GitOps repositories hold. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'GatewayClass',
  'ClusterIssuer',
  'ClusterPolicy',
  'ClusterSecretStore',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'RuntimeClass',
  'ClusterPolicyReport',
]);

export function isClusterScoped(object: { kind?: string }): boolean {
  return CLUSTER_SCOPED.has(object.kind ?? '');
}
