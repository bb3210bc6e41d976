import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  HOMELAB_RESOURCE_TYPES,
  TopologyNode,
} from '@homelab/plugin-homelab-common';
import { HomelabFacts, homelabFacts } from './homelabFacts';
import { TimeSlicer } from './TimeSlicer';
import { TopologyGraphBuilder } from './TopologyGraphBuilder';

/** Upstream devices first: a cable runs from the router to the switch, not back. */
const DEVICE_RANK: Record<string, number> = {
  router: 0,
  modem: 0,
  switch: 1,
  'access-point': 2,
};

/** A Kubernetes node's health and, unless healthy, why. */
function nodeStatus(
  facts: HomelabFacts,
): Pick<TopologyNode, 'status' | 'reason'> {
  const cluster = facts.cluster ?? 'its cluster';
  if (facts.presence === 'inventory-only')
    return {
      status: 'error',
      reason: `In the inventory, but ${cluster} does not list this node`,
    };
  if (!facts.live)
    return { status: 'unknown', reason: `No live facts read from ${cluster}` };
  if (facts.live.stale)
    return {
      status: 'unknown',
      reason: `Live facts stale${
        facts.live.observedAt ? ` since ${facts.live.observedAt}` : ''
      }: ${cluster} could not be read`,
    };
  if (facts.live.ready === 'True') return { status: 'ok' };
  if (facts.live.ready === 'False')
    return { status: 'error', reason: 'The kubelet reports NotReady' };
  return { status: 'unknown', reason: 'The kubelet reports no Ready state' };
}

/** Set by the catalog module on a guest Proxmox VE runs that the inventory does not list. */
const NOT_IN_INVENTORY = 'homelab.dev/not-in-inventory';

/**
 * What Proxmox VE reports of a healthy guest (running) and of a healthy host
 * (its node online): a host read as online was drawn as failing.
 */
const HEALTHY_LIVE_STATES = new Set(['running', 'online']);

/**
 * A device's or VM's health from its live sources: a guest's or host's
 * Proxmox VE status (stale facts are unknown), a guest the inventory does not list, and
 * drift between the inventory and a source. Devices no source reads have none.
 */
function deviceStatus(
  facts: HomelabFacts,
  entity: Entity,
): Pick<TopologyNode, 'status' | 'reason'> {
  const live = facts.live;
  const source = `Proxmox VE ${live?.source ?? ''}`.trim();
  if (live?.stale)
    return {
      status: 'unknown',
      reason: `${source} could not be read; facts from ${live.observedAt}`,
    };
  if (live?.status === 'unknown')
    return { status: 'unknown', reason: `${source} does not know its state` };
  if (live?.status && !HEALTHY_LIVE_STATES.has(live.status))
    return { status: 'error', reason: `${source} reports it ${live.status}` };
  const notInInventory = entity.metadata.annotations?.[NOT_IN_INVENTORY];
  if (notInInventory) return { status: 'warning', reason: notInInventory };
  if (facts.drift?.length)
    return { status: 'warning', reason: facts.drift.join('; ') };
  return live?.status ? { status: 'ok' } : {};
}

/** One catalog resource, its ref and facts, and the rest of the catalog for the other ends of its edges. */
interface ResourceInGraph {
  entity: Entity;
  graph: TopologyGraphBuilder;
  ref: string;
  facts: HomelabFacts;
  base: Pick<TopologyNode, 'id' | 'label' | 'entityRef'>;
  byRef: ReadonlyMap<string, Entity>;
}

function addNetwork({ graph, ref, facts, base }: ResourceInGraph) {
  if (facts.kind !== 'wan') {
    graph.setNode({ ...base, kind: 'network' });
    return;
  }
  graph.setNode({ ...base, kind: 'wan' });
  graph.addEdge('internet', ref, 'uplink');
  for (const device of facts.connectedTo ?? [])
    graph.addEdge(ref, device, 'uplink');
}

function addDevice({
  entity,
  graph,
  ref,
  facts,
  base,
  byRef,
}: ResourceInGraph) {
  const deviceRank = (target: string) => {
    const other = byRef.get(target);
    if (!other || other.spec?.type !== HOMELAB_RESOURCE_TYPES.device) return 3;
    return DEVICE_RANK[homelabFacts(other).kind ?? ''] ?? 3;
  };
  let kind: TopologyNode['kind'] = 'device';
  if (facts.kind === 'router' || facts.kind === 'switch') kind = facts.kind;
  const networks = (facts.interfaces ?? []).map(i => i.network);
  graph.setNode({
    ...base,
    kind,
    ...(facts.environment ? { environment: facts.environment } : {}),
    ...(networks.length ? { networks } : {}),
    ...deviceStatus(facts, entity),
  });
  if (facts.hostedOn) graph.addEdge(facts.hostedOn, ref, 'hosts');
  for (const target of facts.connectedTo ?? []) {
    if (byRef.get(target)?.spec?.type === HOMELAB_RESOURCE_TYPES.network) {
      // Routers route networks; every other device attaches to them.
      if (kind === 'router') graph.addEdge(ref, target, 'routes');
      else graph.addEdge(target, ref, 'attaches');
    } else if (deviceRank(target) <= deviceRank(ref)) {
      graph.addEdge(target, ref, 'cable');
    } else {
      graph.addEdge(ref, target, 'cable');
    }
  }
}

function addKubernetesNode({ graph, ref, facts, base }: ResourceInGraph) {
  graph.setNode({
    ...base,
    kind: 'node',
    ...(facts.cluster ? { cluster: facts.cluster } : {}),
    ...nodeStatus(facts),
  });
  if (facts.hostedOn) graph.addEdge(facts.hostedOn, ref, 'runs');
  for (const cluster of facts.partOf ?? [])
    graph.addEdge(ref, cluster, 'member-of');
}

function addCluster({ graph, facts, base }: ResourceInGraph, name: string) {
  graph.setNode({
    ...base,
    kind: 'cluster',
    cluster: name,
    ...(facts.environment ? { environment: facts.environment } : {}),
  });
}

function addIpPool({ graph, ref, facts, base }: ResourceInGraph) {
  graph.setNode({
    ...base,
    kind: 'ip-pool',
    ...(facts.cluster ? { cluster: facts.cluster } : {}),
  });
  if (facts.network)
    graph.addEdge(`resource:default/${facts.network}`, ref, 'allocates');
  for (const cluster of facts.partOf ?? []) graph.addEdge(cluster, ref, 'uses');
}

/**
 * Adds the catalog's hardware and networks: WAN uplinks, routers and
 * switches, networks, devices and VMs, Kubernetes nodes, clusters and IP
 * pools, each with the edges its facts name.
 */
export async function addCatalogResources(
  graph: TopologyGraphBuilder,
  resources: Entity[],
  slicer: TimeSlicer,
): Promise<void> {
  const byRef = new Map(
    resources.map(entity => [stringifyEntityRef(entity), entity]),
  );
  await slicer.forEach(resources, entity => {
    const ref = stringifyEntityRef(entity);
    const resource: ResourceInGraph = {
      entity,
      graph,
      ref,
      facts: homelabFacts(entity),
      base: {
        id: ref,
        label: entity.metadata.title ?? entity.metadata.name,
        entityRef: ref,
      },
      byRef,
    };
    switch (entity.spec?.type) {
      case HOMELAB_RESOURCE_TYPES.network:
        addNetwork(resource);
        break;
      case HOMELAB_RESOURCE_TYPES.device:
      case HOMELAB_RESOURCE_TYPES.virtualMachine:
        addDevice(resource);
        break;
      case HOMELAB_RESOURCE_TYPES.node:
        addKubernetesNode(resource);
        break;
      case HOMELAB_RESOURCE_TYPES.cluster:
        addCluster(resource, entity.metadata.name);
        break;
      case HOMELAB_RESOURCE_TYPES.ipPool:
        addIpPool(resource);
        break;
      default:
    }
  });
}
