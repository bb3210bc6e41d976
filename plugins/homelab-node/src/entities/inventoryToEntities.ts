import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_DASHBOARD_URL,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_INVENTORY_DOCS,
  Cluster,
  Device,
  ENVIRONMENT_SYSTEM_TYPE,
  HOMELAB_RESOURCE_TYPES,
  Inventory,
  LiveNodeFacts,
  PLATFORM_SERVICE_COMPONENT_TYPE,
  SHARED_SYSTEM_TYPE,
  SharedArea,
  inventoryName,
  nodeEntityName,
  platformServiceEntityName,
  sharedSystemName,
} from '@homelab/plugin-homelab-common';
import { addressRangeSize } from '../inventory/addressing';
import { ItemOrigin } from '../inventory/sourceMap';
import { ClusterDiscovery } from './ClusterDiscovery';
import { defined, link, mergeTags, sourceAnnotations } from './entityMetadata';
import { nodeDrift } from './nodeDrift';

/**
 * What {@link inventoryToEntities} needs besides the inventory.
 *
 * @public
 */
export interface InventoryEntityOptions {
  /** Where each inventory item was written, for the source annotations. */
  origins: WeakMap<object, ItemOrigin>;
  /** Live facts per cluster; without them nodes are shown as not checked. */
  discovery?: readonly ClusterDiscovery[];
  /**
   * The inventory location's name, when the homelab TechDocs module
   * generates this site's docs: the Domain then points TechDocs at them.
   */
  docsLocation?: string;
}

const NETWORK_KINDS = new Set(['switch', 'router', 'access-point', 'modem']);
const API_VERSION = 'backstage.io/v1alpha1';

const resourceRef = (name: string) =>
  stringifyEntityRef({ kind: 'resource', name });
const systemRef = (name: string) =>
  stringifyEntityRef({ kind: 'system', name });

/**
 * Turns a validated inventory into catalog entities (see the entity model in
 * `@homelab/plugin-homelab-common`). Pure: the same inventory and discovery
 * give the same entities, in the same order.
 *
 * @public
 */
export function inventoryToEntities(
  inventory: Inventory,
  options: InventoryEntityOptions,
): Entity[] {
  const { site } = inventory;
  const owner = site.owner;
  const origin = (item: object) => options.origins.get(item);
  const discoveryOf = new Map(
    (options.discovery ?? []).map(d => [d.cluster, d]),
  );
  const devices = new Map(
    inventory.devices.map(device => [device.name, device]),
  );
  const environments = new Set(inventory.environments.map(e => e.name));
  const usedAreas = new Set<SharedArea>();

  const nodesOnDevice = new Map<string, Cluster>();
  for (const cluster of inventory.clusters) {
    for (const node of cluster.nodes) nodesOnDevice.set(node.device, cluster);
  }

  /** The environment a device serves: stated, through the node it runs, or through its modules. */
  function environmentOf(device: Device): string | undefined {
    if (device.environment) return device.environment;
    const cluster = nodesOnDevice.get(device.name);
    if (cluster) return cluster.environment;
    if (device.kind === 'board') {
      const served = new Set(
        inventory.devices
          .filter(module => module.slot?.board === device.name)
          .map(module => environmentOf(module))
          .filter(Boolean),
      );
      return served.size === 1 ? [...served][0] : undefined;
    }
    return undefined;
  }

  function systemOf(device: Device): string {
    const environment = environmentOf(device);
    if (environment && environments.has(environment)) return environment;
    let area: SharedArea = 'compute';
    if (NETWORK_KINDS.has(device.kind)) area = 'network';
    else if (device.kind === 'nas') area = 'storage';
    usedAreas.add(area);
    return sharedSystemName(site.name, area);
  }

  const entities: Entity[] = [];

  for (const network of inventory.networks) {
    usedAreas.add('network');
    const {
      name,
      title,
      description,
      owner: itemOwner,
      tags,
      ...facts
    } = network;
    entities.push({
      apiVersion: API_VERSION,
      kind: 'Resource',
      metadata: defined({
        name,
        title,
        description: description ?? network.purpose,
        tags: mergeTags(
          tags,
          network.vlan !== undefined ? [`vlan-${network.vlan}`] : undefined,
        ),
        annotations: sourceAnnotations(origin(network)),
      }),
      spec: {
        type: HOMELAB_RESOURCE_TYPES.network,
        owner: itemOwner ?? owner,
        system: sharedSystemName(site.name, 'network'),
        homelab: { kind: 'vlan', ...facts },
      },
    });
  }

  for (const uplink of inventory.wan) {
    usedAreas.add('network');
    const {
      name,
      title,
      description,
      owner: itemOwner,
      router,
      via,
      ...facts
    } = uplink;
    entities.push({
      apiVersion: API_VERSION,
      kind: 'Resource',
      metadata: defined({
        name,
        title,
        description,
        annotations: sourceAnnotations(origin(uplink)),
        tags: ['wan'],
      }),
      spec: {
        type: HOMELAB_RESOURCE_TYPES.network,
        owner: itemOwner ?? owner,
        system: sharedSystemName(site.name, 'network'),
        homelab: {
          kind: 'wan',
          ...facts,
          connectedTo: [router, ...(via ? [via] : [])].map(resourceRef),
        },
      },
    });
  }

  for (const device of inventory.devices) {
    const {
      name,
      title,
      description,
      owner: itemOwner,
      tags,
      links,
      slot,
      host,
      environment,
      ...facts
    } = device;
    // A module sits in its board; a virtual machine runs on its host.
    const placement = slot?.board ?? host;
    const hostedOn = placement ? resourceRef(placement) : undefined;
    const connectedTo = [
      ...new Set([
        ...(links ?? []).map(cable => resourceRef(cable.device)),
        ...(device.interfaces ?? []).map(networkInterface =>
          resourceRef(networkInterface.network),
        ),
      ]),
    ];
    entities.push({
      apiVersion: API_VERSION,
      kind: 'Resource',
      metadata: defined({
        name,
        title,
        description,
        tags: mergeTags(tags, [device.architecture]),
        links: link(device.management?.url, 'Management', 'dashboard'),
        annotations: sourceAnnotations(origin(device)),
      }),
      spec: {
        type:
          device.kind === 'virtual-machine'
            ? HOMELAB_RESOURCE_TYPES.virtualMachine
            : HOMELAB_RESOURCE_TYPES.device,
        owner: itemOwner ?? owner,
        system: systemOf(device),
        homelab: defined({
          ...facts,
          ...(slot && device.kind !== 'virtual-machine'
            ? { slot: { board: resourceRef(slot.board), number: slot.number } }
            : {}),
          hostedOn,
          connectedTo: connectedTo.length ? connectedTo : undefined,
        }),
      },
    });
  }

  for (const cluster of inventory.clusters) {
    const discovery = discoveryOf.get(cluster.name);
    const { apiServer } = cluster;
    const controlPlaneNodes = cluster.nodes.filter(node =>
      node.roles.includes('control-plane'),
    ).length;
    const clusterRef = resourceRef(cluster.name);
    entities.push({
      apiVersion: API_VERSION,
      kind: 'Resource',
      metadata: defined({
        name: cluster.name,
        title: cluster.title,
        description: cluster.description,
        tags: mergeTags(cluster.tags, [cluster.distribution]),
        links: link(apiServer?.dashboardUrl, 'Dashboard', 'dashboard'),
        // What Backstage's Kubernetes plugin reads to find the cluster.
        annotations: {
          ...sourceAnnotations(origin(cluster)),
          ...(apiServer
            ? defined({
                [ANNOTATION_KUBERNETES_API_SERVER]: apiServer.url,
                [ANNOTATION_KUBERNETES_API_SERVER_CA]:
                  apiServer.caData?.replace(/\s+/g, ''),
                [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: apiServer.authProvider,
                [ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER]:
                  apiServer.oidcTokenProvider,
                [ANNOTATION_KUBERNETES_DASHBOARD_URL]: apiServer.dashboardUrl,
              })
            : {}),
        },
      }),
      spec: {
        type: HOMELAB_RESOURCE_TYPES.cluster,
        owner: cluster.owner ?? owner,
        system: cluster.environment,
        homelab: defined({
          environment: cluster.environment,
          distribution: cluster.distribution,
          version: cluster.version,
          os: cluster.os,
          cni: cluster.cni,
          podCidr: cluster.podCidr,
          serviceCidr: cluster.serviceCidr,
          domain: cluster.domain,
          apiServerUrl: apiServer?.url,
          controlPlaneNodes,
          nodeCount: cluster.nodes.length,
        }),
      },
    });

    const inventoryNodes = new Set(cluster.nodes.map(node => node.name));
    cluster.nodes.forEach((node, index) => {
      const facts: LiveNodeFacts | undefined = discovery?.nodes[node.name];
      const everRead = discovery?.state === 'ok' || !!discovery?.lastSuccessAt;
      let presence:
        | 'in-inventory-and-cluster'
        | 'inventory-only'
        | 'not-checked' = 'not-checked';
      if (facts) presence = 'in-inventory-and-cluster';
      else if (everRead) presence = 'inventory-only';
      const drift = facts
        ? nodeDrift(cluster, devices.get(node.device), facts)
        : [];
      if (presence === 'inventory-only')
        drift.unshift('not found in the cluster');
      entities.push({
        apiVersion: API_VERSION,
        kind: 'Resource',
        metadata: defined({
          name: nodeEntityName(cluster.name, node.name),
          title: `${node.name} (${cluster.name})`,
          description: `Kubernetes node ${node.name} of cluster ${
            cluster.name
          }: ${node.roles.join(', ')}.`,
          tags: mergeTags(node.roles, [
            facts?.architecture ?? devices.get(node.device)?.architecture,
          ]),
          annotations: sourceAnnotations(origin(cluster), ['nodes', index]),
        }),
        spec: {
          type: HOMELAB_RESOURCE_TYPES.node,
          owner: cluster.owner ?? owner,
          system: cluster.environment,
          homelab: defined({
            cluster: cluster.name,
            nodeName: node.name,
            device: node.device,
            roles: node.roles,
            presence,
            live: facts,
            drift: drift.length ? drift : undefined,
            hostedOn: resourceRef(node.device),
            partOf: [clusterRef],
          }),
        },
      });
    });

    // Nodes the cluster has and the inventory lacks: shown, so the catalog
    // matches reality, and flagged, so the inventory gets fixed.
    for (const [nodeName, facts] of Object.entries(discovery?.nodes ?? {})) {
      const entityName = nodeEntityName(cluster.name, nodeName);
      if (
        inventoryNodes.has(nodeName) ||
        !inventoryName.safeParse(entityName).success
      )
        continue;
      entities.push({
        apiVersion: API_VERSION,
        kind: 'Resource',
        metadata: defined({
          name: entityName,
          title: `${nodeName} (${cluster.name})`,
          description: `Kubernetes node ${nodeName} of cluster ${cluster.name}, found in the cluster but missing from the inventory.`,
          tags: mergeTags([facts.architecture, 'not-in-inventory']),
          annotations: sourceAnnotations(origin(cluster)),
        }),
        spec: {
          type: HOMELAB_RESOURCE_TYPES.node,
          owner: cluster.owner ?? owner,
          system: cluster.environment,
          homelab: {
            cluster: cluster.name,
            nodeName,
            roles: [],
            presence: 'cluster-only',
            live: facts,
            drift: ['not in the inventory'],
            partOf: [clusterRef],
          },
        },
      });
    }

    (cluster.loadBalancerPools ?? []).forEach((pool, index) => {
      entities.push({
        apiVersion: API_VERSION,
        kind: 'Resource',
        metadata: defined({
          name: pool.name,
          title: pool.title,
          description: pool.description,
          tags: mergeTags([pool.type]),
          annotations: sourceAnnotations(origin(cluster), [
            'loadBalancerPools',
            index,
          ]),
        }),
        spec: {
          type: HOMELAB_RESOURCE_TYPES.ipPool,
          owner: cluster.owner ?? owner,
          system: cluster.environment,
          dependsOn: [resourceRef(pool.network)],
          homelab: defined({
            type: pool.type,
            mode: pool.mode,
            network: pool.network,
            cluster: cluster.name,
            addresses: pool.addresses,
            size: pool.addresses.reduce(
              (sum, range) => sum + addressRangeSize(range.start, range.end),
              0,
            ),
            partOf: [clusterRef],
          }),
        },
      });
    });

    (cluster.platformServices ?? []).forEach((service, index) => {
      const { name, title, description, owner: itemOwner, ...facts } = service;
      entities.push({
        apiVersion: API_VERSION,
        kind: 'Component',
        metadata: defined({
          name: platformServiceEntityName(cluster.name, name),
          title: `${title ?? name} (${cluster.name})`,
          description,
          tags: mergeTags([facts.category]),
          annotations: sourceAnnotations(origin(cluster), [
            'platformServices',
            index,
          ]),
        }),
        spec: {
          type: PLATFORM_SERVICE_COMPONENT_TYPE,
          lifecycle: 'production',
          owner: itemOwner ?? cluster.owner ?? owner,
          system: cluster.environment,
          dependsOn: [clusterRef],
          homelab: defined({ ...facts, cluster: cluster.name }),
        },
      });
    });
  }

  for (const storage of inventory.storage) {
    const {
      name,
      title,
      description,
      owner: itemOwner,
      tags,
      ...facts
    } = storage;
    const cluster = storage.cluster
      ? inventory.clusters.find(c => c.name === storage.cluster)
      : undefined;
    if (!cluster) usedAreas.add('storage');
    entities.push({
      apiVersion: API_VERSION,
      kind: 'Resource',
      metadata: defined({
        name,
        title,
        description: description ?? storage.useCase,
        tags: mergeTags(tags, [storage.kind]),
        links: link(storage.endpoint, 'Endpoint'),
        annotations: sourceAnnotations(origin(storage)),
      }),
      spec: defined({
        type: HOMELAB_RESOURCE_TYPES.storage,
        owner: itemOwner ?? owner,
        system: cluster
          ? cluster.environment
          : sharedSystemName(site.name, 'storage'),
        dependsOn: storage.backedBy
          ? [resourceRef(storage.backedBy)]
          : undefined,
        homelab: defined({
          ...facts,
          hostedOn: storage.device ? resourceRef(storage.device) : undefined,
          partOf: cluster ? [resourceRef(cluster.name)] : undefined,
        }),
      }),
    });
  }

  const systems: Entity[] = inventory.environments.map(environment => ({
    apiVersion: API_VERSION,
    kind: 'System',
    metadata: defined({
      name: environment.name,
      title: environment.title,
      description: environment.description,
      tags: mergeTags(['environment']),
      annotations: sourceAnnotations(origin(environment)),
    }),
    spec: {
      type: ENVIRONMENT_SYSTEM_TYPE,
      owner: environment.owner ?? owner,
      domain: site.name,
      homelab: defined({
        updates: environment.updates,
        domain: environment.domain,
        promotesTo: environment.promotesTo
          ? systemRef(environment.promotesTo)
          : undefined,
      }),
    },
  }));
  const areaTitles: Record<SharedArea, string> = {
    network: 'Network',
    storage: 'Storage',
    compute: 'Compute',
  };
  for (const area of ['network', 'storage', 'compute'] as const) {
    if (!usedAreas.has(area)) continue;
    systems.push({
      apiVersion: API_VERSION,
      kind: 'System',
      metadata: {
        name: sharedSystemName(site.name, area),
        title: `${areaTitles[area]} (${site.title ?? site.name})`,
        description: `Shared ${area} infrastructure of ${
          site.title ?? site.name
        }, serving every environment.`,
        tags: ['shared-infrastructure'],
        annotations: sourceAnnotations(origin(site)),
      },
      spec: { type: SHARED_SYSTEM_TYPE, owner, domain: site.name },
    });
  }

  const domain: Entity = {
    apiVersion: API_VERSION,
    kind: 'Domain',
    metadata: defined({
      name: site.name,
      title: site.title,
      description: site.description,
      tags: ['homelab'],
      annotations: {
        ...sourceAnnotations(origin(site)),
        ...(options.docsLocation
          ? {
              [ANNOTATION_INVENTORY_DOCS]: options.docsLocation,
              // The TechDocs module prepares these from the inventory; "dir:."
              // keeps TechDocs' own location handling (edit links) working.
              'backstage.io/techdocs-ref': 'dir:.',
            }
          : {}),
      },
    }),
    spec: { owner },
  };

  return [domain, ...systems, ...entities];
}
