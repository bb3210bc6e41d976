import type { KubernetesObject, V1Node } from '@kubernetes/client-node';

/**
 * A kind of Kubernetes resource, as the API addresses it. The core group is
 * the empty string.
 *
 * @public
 */
export interface KubernetesResourceType {
  /** API group, like "helm.toolkit.fluxcd.io"; "" for the core group. */
  group: string;
  /** API version, like "v2". */
  version: string;
  /** Plural resource name, like "helmreleases". */
  plural: string;
}

/**
 * A service reached through the API server's service proxy.
 *
 * @public
 */
export interface ServiceProxyTarget {
  /** Namespace of the service. */
  namespace: string;
  /** Name of the service. */
  service: string;
  /** Port name or number; the service's only port when left out. */
  port?: string | number;
  /** Path on the service, like "results.json". */
  path: string;
}

/**
 * Reads (and, for live clusters, patches) objects of one cluster, live or
 * recorded. Lists cover all namespaces and all pages; failures name the
 * cluster and the HTTP status, never the credentials, and carry the status
 * as `statusCode` (404 for what a snapshot did not record).
 *
 * @public
 */
export interface ClusterClient {
  /** The cluster's inventory name. */
  readonly cluster: string;
  /** Whether this is a recorded snapshot rather than a live cluster. */
  readonly recorded: boolean;
  /** Every node of the cluster. */
  listNodes(): Promise<V1Node[]>;
  /** Every object of a resource type, in all namespaces. */
  list<T extends KubernetesObject = KubernetesObject>(
    type: KubernetesResourceType,
  ): Promise<T[]>;
  /**
   * The same objects page by page, so that large lists (vulnerability
   * reports) are processed without holding every page at once. `pageSize`
   * asks for smaller pages than the configured size, for large objects.
   */
  listPages<T extends KubernetesObject = KubernetesObject>(
    type: KubernetesResourceType,
    options?: { pageSize?: number },
  ): AsyncIterable<T[]>;
  /** The versions the cluster serves for each API group (from /apis). */
  servedVersions(): Promise<Map<string, string[]>>;
  /** GETs a path of a service through the API server's service proxy. */
  proxyGet(target: ServiceProxyTarget): Promise<string>;
  /** Applies a JSON merge patch to a namespaced object and returns the result. */
  mergePatch<T extends KubernetesObject = KubernetesObject>(
    type: KubernetesResourceType,
    namespace: string,
    name: string,
    patch: object,
  ): Promise<T>;
}
