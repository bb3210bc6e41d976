import { Entity } from '@backstage/catalog-model';
import {
  Cluster,
  ClusterNode,
  Device,
  HOMELAB_RESOURCE_TYPES,
  LiveNodeFacts,
  inventoryName,
  nodeEntityName,
  nodePresence,
} from '@homelab/plugin-homelab-common';
import { ClusterDiscovery } from './ClusterDiscovery';
import { defined, mergeTags } from './entityMetadata';
import { resourceRef } from './entityRefs';
import { homelabEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';
import { nodeDrift } from './nodeDrift';

/**
 * The nodes of a cluster: those of the inventory, with what discovery found
 * on them, then those only the cluster has.
 */
export function nodeEntities(
  cluster: Cluster,
  devices: ReadonlyMap<string, Device>,
  context: MappingContext,
): Entity[] {
  const discovery = context.discoveryOf(cluster.name);
  const inventoryNodes = new Set(cluster.nodes.map(node => node.name));
  return [
    ...cluster.nodes.map((node, index) =>
      inventoryNodeEntity(
        cluster,
        node,
        index,
        devices.get(node.device),
        discovery,
        context,
      ),
    ),
    // Nodes the cluster has and the inventory lacks: shown, so the catalog
    // matches reality, and flagged, so the inventory gets fixed.
    ...Object.entries(discovery?.nodes ?? {})
      .filter(
        ([nodeName]) =>
          !inventoryNodes.has(nodeName) &&
          inventoryName.safeParse(nodeEntityName(cluster.name, nodeName))
            .success,
      )
      .map(([nodeName, facts]) =>
        clusterOnlyNodeEntity(cluster, nodeName, facts, context),
      ),
  ];
}

function inventoryNodeEntity(
  cluster: Cluster,
  node: ClusterNode,
  index: number,
  device: Device | undefined,
  discovery: ClusterDiscovery | undefined,
  context: MappingContext,
): Entity {
  const facts: LiveNodeFacts | undefined = discovery?.nodes[node.name];
  const everRead = discovery?.state === 'ok' || !!discovery?.lastSuccessAt;
  let presence: (typeof nodePresence)[number] = 'not-checked';
  if (facts) presence = 'in-inventory-and-cluster';
  else if (everRead) presence = 'inventory-only';
  const drift = facts ? nodeDrift(cluster, device, facts) : [];
  if (presence === 'inventory-only') drift.unshift('not found in the cluster');
  return homelabEntity(
    'Resource',
    {
      name: nodeEntityName(cluster.name, node.name),
      title: `${node.name} (${cluster.name})`,
      description: `Kubernetes node ${node.name} of cluster ${
        cluster.name
      }: ${node.roles.join(', ')}.`,
      tags: mergeTags(node.roles, [
        facts?.architecture ?? device?.architecture,
      ]),
      annotations: context.sourceOf(cluster, ['nodes', index]),
    },
    {
      type: HOMELAB_RESOURCE_TYPES.node,
      owner: cluster.owner ?? context.owner,
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
        partOf: [resourceRef(cluster.name)],
      }),
    },
  );
}

function clusterOnlyNodeEntity(
  cluster: Cluster,
  nodeName: string,
  facts: LiveNodeFacts,
  context: MappingContext,
): Entity {
  return homelabEntity(
    'Resource',
    {
      name: nodeEntityName(cluster.name, nodeName),
      title: `${nodeName} (${cluster.name})`,
      description: `Kubernetes node ${nodeName} of cluster ${cluster.name}, found in the cluster but missing from the inventory.`,
      tags: mergeTags([facts.architecture, 'not-in-inventory']),
      annotations: context.sourceOf(cluster),
    },
    {
      type: HOMELAB_RESOURCE_TYPES.node,
      owner: cluster.owner ?? context.owner,
      system: cluster.environment,
      homelab: {
        cluster: cluster.name,
        nodeName,
        roles: [],
        presence: 'cluster-only',
        live: facts,
        drift: ['not in the inventory'],
        partOf: [resourceRef(cluster.name)],
      },
    },
  );
}
