/**
 * The homelab entity model: how inventory items appear in the Backstage
 * catalog. Everything is built on Backstage's own kinds so the core plugins
 * (catalog graph, search, Kubernetes, TechDocs) work unchanged:
 *
 * - the site is a Domain; each environment is a System of type `environment`
 *   in it, and the shared areas network, storage and compute are Systems of
 *   type `shared-infrastructure` (`<site>-network`, ...);
 * - hardware, networks, address pools, storage, clusters, backup jobs and
 *   external services are Resources whose `spec.type` is one of
 *   {@link HOMELAB_RESOURCE_TYPES};
 * - platform services in clusters are Components of type `platform-service`.
 *
 * Homelab facts live under `spec.homelab`, which the catalog module validates;
 * entities without it are left alone, so hand-written entities that reuse a
 * type name like `storage` never clash with ours.
 *
 * @public
 */
export const HOMELAB_RESOURCE_TYPES = {
  cluster: 'kubernetes-cluster',
  node: 'kubernetes-node',
  device: 'device',
  virtualMachine: 'virtual-machine',
  network: 'network',
  ipPool: 'ip-pool',
  storage: 'storage',
  backupJob: 'backup-job',
  externalService: 'external-service',
} as const;

/**
 * One of the values of {@link HOMELAB_RESOURCE_TYPES}.
 *
 * @public
 */
export type HomelabResourceType =
  (typeof HOMELAB_RESOURCE_TYPES)[keyof typeof HOMELAB_RESOURCE_TYPES];

/**
 * `spec.type` of the Components that are platform services in a cluster.
 *
 * @public
 */
export const PLATFORM_SERVICE_COMPONENT_TYPE = 'platform-service';

/**
 * Physical placement: a node on its device, a module in its board, a VM on its host.
 *
 * @public
 */
export const RELATION_HOSTED_ON = 'hostedOn';
/**
 * The reverse of {@link RELATION_HOSTED_ON}.
 *
 * @public
 */
export const RELATION_HOSTS = 'hosts';
/**
 * Physical or network attachment: a cable to the switch, an interface on a VLAN.
 *
 * @public
 */
export const RELATION_CONNECTED_TO = 'connectedTo';
/**
 * The reverse of {@link RELATION_CONNECTED_TO}.
 *
 * @public
 */
export const RELATION_CONNECTION_OF = 'connectionOf';

/**
 * Release order: staging promotes to production.
 *
 * @public
 */
export const RELATION_PROMOTES_TO = 'promotesTo';
/**
 * The reverse of {@link RELATION_PROMOTES_TO}.
 *
 * @public
 */
export const RELATION_PROMOTED_FROM = 'promotedFrom';

/**
 * Each custom relation with its reverse, in the form the catalog graph takes.
 *
 * @public
 */
export const HOMELAB_RELATION_PAIRS: ReadonlyArray<[string, string]> = [
  [RELATION_HOSTED_ON, RELATION_HOSTS],
  [RELATION_CONNECTED_TO, RELATION_CONNECTION_OF],
  [RELATION_PROMOTES_TO, RELATION_PROMOTED_FROM],
];

/**
 * spec.type of the Systems an inventory produces.
 *
 * @public
 */
export const ENVIRONMENT_SYSTEM_TYPE = 'environment';
/**
 * `spec.type` of the Systems for the shared network, storage and compute of a site.
 *
 * @public
 */
export const SHARED_SYSTEM_TYPE = 'shared-infrastructure';

/**
 * Where in the inventory an entity comes from, as "file:line (path)".
 *
 * @public
 */
export const ANNOTATION_INVENTORY_SOURCE = 'homelab.dev/inventory-source';

/**
 * On a site's Domain: the name of the inventory location (in
 * homelab.inventory.locations) whose architecture docs TechDocs shows for it,
 * generated from that inventory by the homelab TechDocs module.
 *
 * @public
 */
export const ANNOTATION_INVENTORY_DOCS = 'homelab.dev/inventory-docs';

/**
 * On a Component: where its OpenSLO documents are, as a path relative to the
 * entity's own catalog file, or a URL the backend's integrations can read.
 *
 * @public
 */
export const ANNOTATION_OPENSLO = 'homelab.dev/openslo';

/**
 * Shared areas of a site, each a catalog System next to the environments.
 *
 * @public
 */
export type SharedArea = 'network' | 'storage' | 'compute';

/**
 * The name of the System for a shared area of a site, like "lab-network".
 *
 * @public
 */
export function sharedSystemName(site: string, area: SharedArea): string {
  return `${site}-${area}`;
}

/**
 * Node entities are named after their cluster, because a node is often named
 * like the device it runs on, which is an entity of its own.
 *
 * @public
 */
export function nodeEntityName(cluster: string, node: string): string {
  return `${cluster}-${node}`;
}

/**
 * The entity name of a platform service: the cluster name and the service name.
 *
 * @public
 */
export function platformServiceEntityName(
  cluster: string,
  service: string,
): string {
  return `${cluster}-${service}`;
}
