import {
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
  TopologyWorkloadCounts,
} from '@homelab/plugin-homelab-common';
import { PreparedJson, prepareJson } from './PreparedJson';
import { TimeSlicer } from './TimeSlicer';

/**
 * The topology as the API serves it, each view serialised once per build:
 * the whole graph; the overview with workloads folded into their namespaces
 * (what the portal draws first); and each cluster's workloads, which the
 * portal adds to the overview when asked for them.
 */
export interface PreparedTopology {
  full: PreparedJson;
  folded: PreparedJson;
  /** Per cluster name: its workloads and the edges from their namespaces. */
  clusterWorkloads: ReadonlyMap<string, PreparedJson>;
}

/** Worst first: a namespace takes the status of its worst workload. */
const SEVERITY: Array<NonNullable<TopologyNode['status']>> = [
  'error',
  'warning',
  'unknown',
  'ok',
];

/** Workloads by the namespace node that runs them, with the edges between. */
function workloadsByNamespace(graph: TopologyGraph) {
  const workloads = new Map(
    graph.nodes.filter(n => n.kind === 'workload').map(n => [n.id, n]),
  );
  const byNamespace = new Map<
    string,
    { nodes: TopologyNode[]; edges: TopologyEdge[] }
  >();
  for (const edge of graph.edges) {
    const workload = workloads.get(edge.target);
    if (!workload) continue;
    const entry = byNamespace.get(edge.source) ?? { nodes: [], edges: [] };
    entry.nodes.push(workload);
    entry.edges.push(edge);
    byNamespace.set(edge.source, entry);
  }
  return { workloads, byNamespace };
}

/** A namespace with its workloads folded in: how many in each state, the worst state, and why. */
function foldedNamespace(
  namespace: TopologyNode,
  workloads: TopologyNode[],
): TopologyNode {
  const counts: TopologyWorkloadCounts = {
    total: workloads.length,
    ok: 0,
    warning: 0,
    error: 0,
    unknown: 0,
  };
  for (const workload of workloads) counts[workload.status ?? 'unknown'] += 1;
  const worst = SEVERITY.find(status => counts[status] > 0);
  const unhealthy = workloads.filter(w => w.status === worst && worst !== 'ok');
  const reason = unhealthy.length
    ? `${unhealthy
        .slice(0, 3)
        .map(w => `${w.label}: ${w.reason ?? w.status}`)
        .join('; ')}${
        unhealthy.length > 3 ? `; and ${unhealthy.length - 3} more` : ''
      }`
    : undefined;
  return {
    ...namespace,
    workloads: counts,
    ...(worst ? { status: worst } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** Builds and serialises every view of a graph, in slices. */
export async function prepareTopology(
  graph: TopologyGraph,
  slicer = new TimeSlicer(),
): Promise<PreparedTopology> {
  const { workloads, byNamespace } = workloadsByNamespace(graph);
  const foldedNodes: TopologyNode[] = [];
  await slicer.forEach(graph.nodes, node => {
    if (workloads.has(node.id)) return;
    const runs = byNamespace.get(node.id);
    foldedNodes.push(
      node.kind === 'namespace'
        ? foldedNamespace(node, runs?.nodes ?? [])
        : node,
    );
  });
  const foldedEdges = graph.edges.filter(
    e => !workloads.has(e.source) && !workloads.has(e.target),
  );
  const { generatedAt, freshness } = graph;
  const byCluster = new Map<
    string,
    { nodes: TopologyNode[]; edges: TopologyEdge[] }
  >();
  for (const node of graph.nodes) {
    if (node.kind === 'cluster' && node.cluster)
      byCluster.set(node.cluster, { nodes: [], edges: [] });
  }
  for (const part of byNamespace.values()) {
    const cluster = part.nodes[0].cluster ?? '';
    const entry = byCluster.get(cluster) ?? { nodes: [], edges: [] };
    entry.nodes.push(...part.nodes);
    entry.edges.push(...part.edges);
    byCluster.set(cluster, entry);
  }
  const clusterWorkloads = new Map<string, PreparedJson>();
  for (const [cluster, part] of byCluster) {
    clusterWorkloads.set(
      cluster,
      await prepareJson({ ...part, generatedAt, freshness }, slicer),
    );
  }
  return {
    full: await prepareJson({ ...graph }, slicer),
    folded: await prepareJson(
      { nodes: foldedNodes, edges: foldedEdges, generatedAt, freshness },
      slicer,
    ),
    clusterWorkloads,
  };
}
