import {
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
} from '@homelab/plugin-homelab-common';
import { KIND_LABELS } from './topologyStyle';

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

/** Devices that carry the networks of others: a network filter never spreads through them. */
const INFRASTRUCTURE = new Set<TopologyNode['kind']>(['router', 'switch']);

/**
 * What each set filter matches, from which the filtered view spreads
 * upstream (the path from the internet) and downstream (what runs on them).
 * A network matches itself and the devices on it: the router and switches,
 * with a port in every network, are reached upstream where they carry it,
 * never spread from to everything.
 */
function filterPredicates(
  filter: TopologyFilter,
): Array<(node: TopologyNode) => boolean> {
  const predicates: Array<(node: TopologyNode) => boolean> = [];
  if (filter.environment)
    predicates.push(n => n.environment === filter.environment);
  if (filter.cluster) predicates.push(n => n.cluster === filter.cluster);
  const network = filter.network;
  if (network) {
    predicates.push(
      n =>
        (n.kind === 'network' && nameOf(n) === network) ||
        (!INFRASTRUCTURE.has(n.kind) && (n.networks ?? []).includes(network)),
    );
  }
  return predicates;
}

/**
 * The part of the graph a filter selects: the nodes that match it, with
 * everything upstream of them (the path from the internet) and downstream
 * of them (what runs on them), so a filtered view still reads as a whole.
 * Every set filter must hold.
 */
export function filterTopology(
  graph: { nodes: TopologyNode[]; edges: TopologyEdge[] },
  filter: TopologyFilter,
): { nodes: TopologyNode[]; edges: TopologyEdge[] } {
  const predicates = filterPredicates(filter);
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
 * The graph without its workloads, as the backend serves it folded: each
 * namespace counts its workloads by state and takes the worst of their
 * statuses, so an estate's overview stays readable. Everything else,
 * load-balancer addresses included, stays. A graph without workloads is
 * returned as it is.
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
      if (node.kind !== 'namespace') return node;
      const runs = byNamespace.get(node.id) ?? [];
      const counts = {
        total: runs.length,
        ok: 0,
        warning: 0,
        error: 0,
        unknown: 0,
      };
      for (const run of runs) counts[run.status ?? 'unknown'] += 1;
      const worst = STATUS_ORDER.find(s => counts[s] > 0);
      const unhealthy = runs.filter(w => w.status === worst && worst !== 'ok');
      const reason = unhealthy
        .map(w => `${w.label}: ${w.reason ?? w.status}`)
        .join('; ');
      return {
        ...node,
        workloads: counts,
        ...(worst ? { status: worst } : {}),
        ...(reason ? { reason } : {}),
      };
    });
  return {
    nodes,
    edges: graph.edges.filter(
      e => !workloads.has(e.source) && !workloads.has(e.target),
    ),
  };
}

/** What a node is called on the canvas: a folded namespace with how many workloads it runs. */
export function canvasLabel(node: TopologyNode): string {
  return node.workloads
    ? `${node.label} (${node.workloads.total})`
    : node.label;
}

/** Kinds in the order of the graph, from the internet down. */
const KIND_ORDER = Object.keys(KIND_LABELS) as Array<TopologyNode['kind']>;

/**
 * What "Find a node" offers: every node once, grouped by kind (each group
 * once, in the order of the graph from the internet down) and sorted by
 * name, with the cluster beside names that clusters share.
 */
export function searchOptions(
  nodes: TopologyNode[],
): Array<TopologyNode & { searchLabel: string }> {
  const rank = (kind: TopologyNode['kind']) => {
    const at = KIND_ORDER.indexOf(kind);
    return at < 0 ? KIND_ORDER.length : at;
  };
  return [...new Map(nodes.map(n => [n.id, n])).values()]
    .map(node => ({
      ...node,
      searchLabel:
        node.cluster && (node.kind === 'namespace' || node.kind === 'workload')
          ? `${node.label} · ${node.cluster}`
          : node.label,
    }))
    .sort(
      (a, b) =>
        rank(a.kind) - rank(b.kind) ||
        a.searchLabel.localeCompare(b.searchLabel),
    );
}
