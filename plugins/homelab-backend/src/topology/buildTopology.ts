import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  HOMELAB_RESOURCE_TYPES,
  SourceFreshness,
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
} from '@homelab/plugin-homelab-common';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';

/** A cluster's latest workload snapshot. */
export interface ClusterWorkloads {
  cluster: string;
  snapshot: WorkloadSnapshot;
}

interface HomelabFacts {
  kind?: string;
  environment?: string;
  cluster?: string;
  network?: string;
  connectedTo?: string[];
  hostedOn?: string;
  partOf?: string[];
  presence?: string;
  live?: { ready?: string; stale?: boolean };
  addresses?: Array<{ start: string; end?: string }>;
  interfaces?: Array<{ network: string }>;
}

/** Upstream devices first: a cable runs from the router to the switch, not back. */
const DEVICE_RANK: Record<string, number> = {
  router: 0,
  modem: 0,
  switch: 1,
  'access-point': 2,
};

const ipv4 = (address: string) =>
  address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);

function inRanges(address: string, ranges: HomelabFacts['addresses']): boolean {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(address)) return false;
  const value = ipv4(address);
  return (ranges ?? []).some(
    range =>
      value >= ipv4(range.start) && value <= ipv4(range.end ?? range.start),
  );
}

function workloadStatus(
  workload: WorkloadSnapshot['workloads'][number],
): TopologyNode['status'] {
  if (workload.replicas === undefined) return 'unknown';
  if (workload.replicas === 0) return 'ok';
  const ready = workload.readyReplicas ?? 0;
  if (ready >= workload.replicas) return 'ok';
  return ready === 0 ? 'error' : 'warning';
}

function nodeStatus(facts: HomelabFacts): TopologyNode['status'] {
  if (facts.presence === 'inventory-only') return 'error';
  if (!facts.live || facts.live.stale) return 'unknown';
  if (facts.live.ready === 'True') return 'ok';
  return facts.live.ready === 'False' ? 'error' : 'unknown';
}

/**
 * The homelab as a graph, upstream to downstream: internet, WAN uplinks,
 * routers and switches, networks, devices, Kubernetes nodes, clusters,
 * namespaces and workloads, with MetalLB pools and the load-balancer
 * addresses they handed out. Hardware and networks come from the catalog;
 * namespaces, workloads and addresses from the latest workload snapshots,
 * whose status is unknown when their cluster's snapshot is stale.
 */
export function buildTopology(
  model: HomelabModel,
  clusters: ClusterWorkloads[],
  freshness: SourceFreshness[],
  generatedAt: Date,
): TopologyGraph {
  const nodes = new Map<string, TopologyNode>();
  const edges: TopologyEdge[] = [];
  const edgeKeys = new Set<string>();
  const addEdge = (source: string, target: string, relation: string) => {
    const key = `${source}|${target}`;
    if (
      source === target ||
      edgeKeys.has(key) ||
      edgeKeys.has(`${target}|${source}`)
    )
      return;
    edgeKeys.add(key);
    edges.push({ source, target, relation });
  };
  nodes.set('internet', {
    id: 'internet',
    kind: 'internet',
    label: 'Internet',
  });

  const facts = (entity: Entity) =>
    (entity.spec?.homelab ?? {}) as HomelabFacts;
  const byRef = new Map(
    model.resources.map(entity => [stringifyEntityRef(entity), entity]),
  );
  const deviceRank = (ref: string) => {
    const entity = byRef.get(ref);
    if (!entity || entity.spec?.type !== HOMELAB_RESOURCE_TYPES.device)
      return 3;
    return DEVICE_RANK[facts(entity).kind ?? ''] ?? 3;
  };

  for (const entity of model.resources) {
    const ref = stringifyEntityRef(entity);
    const homelab = facts(entity);
    const base = {
      id: ref,
      label: entity.metadata.title ?? entity.metadata.name,
      entityRef: ref,
    };
    switch (entity.spec?.type) {
      case HOMELAB_RESOURCE_TYPES.network:
        if (homelab.kind === 'wan') {
          nodes.set(ref, { ...base, kind: 'wan' });
          addEdge('internet', ref, 'uplink');
          for (const device of homelab.connectedTo ?? [])
            addEdge(ref, device, 'uplink');
        } else {
          nodes.set(ref, { ...base, kind: 'network' });
        }
        break;
      case HOMELAB_RESOURCE_TYPES.device:
      case HOMELAB_RESOURCE_TYPES.virtualMachine: {
        let kind: TopologyNode['kind'] = 'device';
        if (homelab.kind === 'router' || homelab.kind === 'switch')
          kind = homelab.kind;
        const networks = (homelab.interfaces ?? []).map(i => i.network);
        nodes.set(ref, {
          ...base,
          kind,
          ...(homelab.environment ? { environment: homelab.environment } : {}),
          ...(networks.length ? { networks } : {}),
        });
        if (homelab.hostedOn) addEdge(homelab.hostedOn, ref, 'hosts');
        for (const target of homelab.connectedTo ?? []) {
          const targetEntity = byRef.get(target);
          if (targetEntity?.spec?.type === HOMELAB_RESOURCE_TYPES.network) {
            // Routers route networks; every other device attaches to them.
            if (kind === 'router') addEdge(ref, target, 'routes');
            else addEdge(target, ref, 'attaches');
          } else if (deviceRank(target) <= deviceRank(ref)) {
            addEdge(target, ref, 'cable');
          } else {
            addEdge(ref, target, 'cable');
          }
        }
        break;
      }
      case HOMELAB_RESOURCE_TYPES.node:
        nodes.set(ref, {
          ...base,
          kind: 'node',
          ...(homelab.cluster ? { cluster: homelab.cluster } : {}),
          status: nodeStatus(homelab),
        });
        if (homelab.hostedOn) addEdge(homelab.hostedOn, ref, 'runs');
        for (const cluster of homelab.partOf ?? [])
          addEdge(ref, cluster, 'member-of');
        break;
      case HOMELAB_RESOURCE_TYPES.cluster:
        nodes.set(ref, {
          ...base,
          kind: 'cluster',
          cluster: entity.metadata.name,
          ...(homelab.environment ? { environment: homelab.environment } : {}),
        });
        break;
      case HOMELAB_RESOURCE_TYPES.ipPool:
        nodes.set(ref, {
          ...base,
          kind: 'ip-pool',
          ...(homelab.cluster ? { cluster: homelab.cluster } : {}),
        });
        if (homelab.network)
          addEdge(`resource:default/${homelab.network}`, ref, 'allocates');
        for (const cluster of homelab.partOf ?? [])
          addEdge(cluster, ref, 'uses');
        break;
      default:
    }
  }

  const clusterNodeId = (cluster: string) => `resource:default/${cluster}`;
  const pools = model.resources.filter(
    e => e.spec?.type === HOMELAB_RESOURCE_TYPES.ipPool,
  );
  for (const { cluster, snapshot } of clusters) {
    const clusterId = clusterNodeId(cluster);
    const stale = freshness.find(f => f.cluster === cluster)?.state !== 'fresh';
    const clusterNode = nodes.get(clusterId);
    if (clusterNode) clusterNode.status = stale ? 'unknown' : 'ok';
    else
      nodes.set(clusterId, {
        id: clusterId,
        kind: 'cluster',
        label: cluster,
        cluster,
        status: stale ? 'unknown' : 'ok',
      });
    const environment = model.clusterEnvironments.get(cluster);
    const namespaceId = (namespace: string) =>
      `namespace:${cluster}/${namespace}`;
    for (const namespace of snapshot.namespaces) {
      const entityRef = model.index.entityFor(
        cluster,
        namespace.name,
        undefined,
      );
      nodes.set(namespaceId(namespace.name), {
        id: namespaceId(namespace.name),
        kind: 'namespace',
        label: namespace.name,
        cluster,
        ...(environment ? { environment } : {}),
        ...(entityRef ? { entityRef } : {}),
      });
      addEdge(clusterId, namespaceId(namespace.name), 'contains');
    }
    for (const workload of snapshot.workloads) {
      const id = `workload:${cluster}/${workload.namespace}/${workload.kind}/${workload.name}`;
      const entityRef = model.index.entityFor(
        cluster,
        workload.namespace,
        workload.labels,
      );
      nodes.set(id, {
        id,
        kind: 'workload',
        label: workload.name,
        cluster,
        ...(environment ? { environment } : {}),
        ...(entityRef ? { entityRef } : {}),
        status: stale ? 'unknown' : workloadStatus(workload),
      });
      addEdge(namespaceId(workload.namespace), id, 'runs');
    }
    for (const service of snapshot.loadBalancers) {
      for (const address of service.addresses) {
        const id = `load-balancer-ip:${cluster}/${address}`;
        nodes.set(id, {
          id,
          kind: 'load-balancer-ip',
          label: `${address} (${service.namespace}/${service.name})`,
          cluster,
          ...(environment ? { environment } : {}),
        });
        addEdge(namespaceId(service.namespace), id, 'exposes');
        const pool = pools.find(
          p =>
            facts(p).cluster === cluster &&
            inRanges(address, facts(p).addresses),
        );
        if (pool) addEdge(stringifyEntityRef(pool), id, 'assigns');
      }
    }
  }

  // Edges to entities the catalog did not return (filtered or missing) are left out.
  return {
    nodes: [...nodes.values()],
    edges: edges.filter(
      edge => nodes.has(edge.source) && nodes.has(edge.target),
    ),
    generatedAt: generatedAt.toISOString(),
    freshness,
  };
}
