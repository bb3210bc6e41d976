import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  HOMELAB_RESOURCE_TYPES,
  SourceFreshness,
  TopologyNode,
} from '@homelab/plugin-homelab-common';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { HomelabFacts, homelabFacts } from './homelabFacts';
import { TimeSlicer } from './TimeSlicer';
import { TopologyGraphBuilder } from './TopologyGraphBuilder';

/** A cluster's latest workload snapshot. */
export interface ClusterWorkloads {
  cluster: string;
  snapshot: WorkloadSnapshot;
}

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

/** A workload's health from its replicas and, unless healthy, why. */
function workloadStatus(
  workload: WorkloadSnapshot['workloads'][number],
): Pick<TopologyNode, 'status' | 'reason'> {
  if (workload.replicas === undefined)
    return { status: 'unknown', reason: 'The snapshot has no replica count' };
  if (workload.replicas === 0)
    return { status: 'ok', reason: 'Scaled to 0 replicas' };
  const ready = workload.readyReplicas ?? 0;
  if (ready >= workload.replicas) return { status: 'ok' };
  return {
    status: ready === 0 ? 'error' : 'warning',
    reason: `${ready} of ${workload.replicas} replicas ready`,
  };
}

/** Why the statuses of a cluster whose workloads snapshot is stale are unknown. */
function staleReason(freshness: SourceFreshness | undefined, cluster: string) {
  if (!freshness || freshness.state === 'never-collected')
    return `The workloads of ${cluster} have not been read yet`;
  return `The workloads of ${cluster} are from ${
    freshness.collectedAt ?? 'an earlier collection'
  }${freshness.error ? `: ${freshness.error}` : ''}`;
}

const clusterNodeId = (cluster: string) => `resource:default/${cluster}`;

/**
 * Adds what one cluster runs, from its latest workload snapshot: its
 * namespaces, workloads and the load-balancer addresses they expose, each
 * address linked to the pool that assigned it. Statuses are unknown when the
 * snapshot is stale, with why.
 */
function addClusterWorkloads(
  graph: TopologyGraphBuilder,
  model: HomelabModel,
  { cluster, snapshot }: ClusterWorkloads,
  freshness: SourceFreshness | undefined,
): void {
  const stale = freshness?.state !== 'fresh';
  const unknown = stale
    ? { status: 'unknown' as const, reason: staleReason(freshness, cluster) }
    : undefined;
  const clusterId = clusterNodeId(cluster);
  graph.setNode({
    ...(graph.node(clusterId) ?? {
      id: clusterId,
      kind: 'cluster',
      label: cluster,
      cluster,
    }),
    ...(unknown ?? { status: 'ok' }),
  });
  const environment = model.clusterEnvironments.get(cluster);
  const inCluster = {
    cluster,
    ...(environment ? { environment } : {}),
  };
  const namespaceId = (namespace: string) =>
    `namespace:${cluster}/${namespace}`;
  for (const namespace of snapshot.namespaces) {
    const entityRef = model.index.entityFor(cluster, namespace.name, undefined);
    graph.setNode({
      id: namespaceId(namespace.name),
      kind: 'namespace',
      label: namespace.name,
      ...inCluster,
      ...(entityRef ? { entityRef } : {}),
    });
    graph.addEdge(clusterId, namespaceId(namespace.name), 'contains');
  }
  for (const workload of snapshot.workloads) {
    const id = `workload:${cluster}/${workload.namespace}/${workload.kind}/${workload.name}`;
    const entityRef = model.index.entityFor(
      cluster,
      workload.namespace,
      workload.labels,
    );
    graph.setNode({
      id,
      kind: 'workload',
      label: workload.name,
      ...inCluster,
      ...(entityRef ? { entityRef } : {}),
      ...(unknown ?? workloadStatus(workload)),
    });
    graph.addEdge(namespaceId(workload.namespace), id, 'runs');
  }
  const pools = model.resources.filter(
    entity =>
      entity.spec?.type === HOMELAB_RESOURCE_TYPES.ipPool &&
      homelabFacts(entity).cluster === cluster,
  );
  for (const service of snapshot.loadBalancers) {
    for (const address of service.addresses) {
      const id = `load-balancer-ip:${cluster}/${address}`;
      graph.setNode({
        id,
        kind: 'load-balancer-ip',
        label: `${address} (${service.namespace}/${service.name})`,
        ...inCluster,
      });
      graph.addEdge(namespaceId(service.namespace), id, 'exposes');
      const pool = pools.find(p =>
        inRanges(address, homelabFacts(p).addresses),
      );
      if (pool) graph.addEdge(stringifyEntityRef(pool), id, 'assigns');
    }
  }
}

/** Adds what every cluster runs; a cluster whose workloads are not fresh has unknown statuses. */
export async function addWorkloads(
  graph: TopologyGraphBuilder,
  model: HomelabModel,
  clusters: ClusterWorkloads[],
  freshness: SourceFreshness[],
  slicer: TimeSlicer,
): Promise<void> {
  await slicer.forEach(clusters, workloads =>
    addClusterWorkloads(
      graph,
      model,
      workloads,
      freshness.find(f => f.cluster === workloads.cluster),
    ),
  );
}
