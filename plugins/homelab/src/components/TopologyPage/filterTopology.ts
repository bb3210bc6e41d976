import {
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
} from '@homelab/plugin-homelab-common';

/** What the topology is narrowed to; every set filter must hold. */
export interface TopologyFilter {
  environment?: string;
  /** A cluster's name. */
  cluster?: string;
  /** A network's name in the inventory. */
  network?: string;
}

/** A value a filter can take, with what to show for it. */
export interface FilterChoice {
  value: string;
  label: string;
}

/** The name of a catalog entity node: the last part of its reference. */
const nameOf = (node: TopologyNode) => node.id.split('/').pop()!;

/** The filter choices a graph offers, sorted by label. */
export function filterChoices(graph: TopologyGraph): {
  environments: FilterChoice[];
  clusters: FilterChoice[];
  networks: FilterChoice[];
} {
  const choices = (entries: FilterChoice[]) =>
    [...new Map(entries.map(e => [e.value, e])).values()].sort((a, b) =>
      a.label.localeCompare(b.label),
    );
  return {
    environments: choices(
      graph.nodes
        .filter(n => n.environment)
        .map(n => ({ value: n.environment!, label: n.environment! })),
    ),
    clusters: choices(
      graph.nodes
        .filter(n => n.kind === 'cluster')
        .map(n => ({ value: n.cluster ?? nameOf(n), label: n.label })),
    ),
    networks: choices(
      graph.nodes
        .filter(n => n.kind === 'network')
        .map(n => ({ value: nameOf(n), label: n.label })),
    ),
  };
}

function reachable(
  start: Set<string>,
  next: Map<string, string[]>,
): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length) {
    for (const id of next.get(queue.pop()!) ?? []) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}

/**
 * The part of the graph a filter selects: the nodes that match it, with
 * everything upstream of them (the path from the internet) and downstream
 * of them (what runs on them), so a filtered view still reads as a whole.
 */
export function filterTopology(
  graph: TopologyGraph,
  filter: TopologyFilter,
): { nodes: TopologyNode[]; edges: TopologyEdge[] } {
  const predicates: Array<(node: TopologyNode) => boolean> = [];
  if (filter.environment) {
    predicates.push(n => n.environment === filter.environment);
  }
  if (filter.cluster) {
    predicates.push(n => n.cluster === filter.cluster);
  }
  if (filter.network) {
    predicates.push(
      n =>
        (n.kind === 'network' && nameOf(n) === filter.network) ||
        (n.networks ?? []).includes(filter.network!),
    );
  }
  if (!predicates.length) return { nodes: graph.nodes, edges: graph.edges };

  const downstream = new Map<string, string[]>();
  const upstream = new Map<string, string[]>();
  for (const edge of graph.edges) {
    downstream.set(edge.source, [
      ...(downstream.get(edge.source) ?? []),
      edge.target,
    ]);
    upstream.set(edge.target, [
      ...(upstream.get(edge.target) ?? []),
      edge.source,
    ]);
  }
  let keep: Set<string> | undefined;
  for (const predicate of predicates) {
    const seeds = new Set(graph.nodes.filter(predicate).map(n => n.id));
    const around = new Set([
      ...reachable(seeds, upstream),
      ...reachable(seeds, downstream),
    ]);
    keep = keep ? new Set([...keep].filter(id => around.has(id))) : around;
  }
  const kept = keep!;
  return {
    nodes: graph.nodes.filter(n => kept.has(n.id)),
    edges: graph.edges.filter(e => kept.has(e.source) && kept.has(e.target)),
  };
}

const STATUS_ORDER: Array<NonNullable<TopologyNode['status']>> = [
  'error',
  'warning',
  'unknown',
  'ok',
];

/**
 * The graph without its workloads: each namespace says how many it runs
 * and takes the worst of their statuses, so an estate's overview stays
 * readable. Everything else, load-balancer addresses included, stays.
 */
export function collapseWorkloads(graph: {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}): { nodes: TopologyNode[]; edges: TopologyEdge[] } {
  const workloads = new Map(
    graph.nodes.filter(n => n.kind === 'workload').map(n => [n.id, n]),
  );
  if (!workloads.size) return graph;
  const byNamespace = new Map<string, TopologyNode[]>();
  for (const edge of graph.edges) {
    const workload = workloads.get(edge.target);
    if (workload) {
      byNamespace.set(edge.source, [
        ...(byNamespace.get(edge.source) ?? []),
        workload,
      ]);
    }
  }
  const nodes = graph.nodes
    .filter(n => !workloads.has(n.id))
    .map(node => {
      const runs = byNamespace.get(node.id);
      if (!runs) return node;
      const statuses = runs.map(w => w.status).filter(Boolean);
      const worst = STATUS_ORDER.find(s => statuses.includes(s));
      return {
        ...node,
        label: `${node.label} (${runs.length})`,
        ...(worst ? { status: worst } : {}),
      };
    });
  return {
    nodes,
    edges: graph.edges.filter(
      e => !workloads.has(e.source) && !workloads.has(e.target),
    ),
  };
}
