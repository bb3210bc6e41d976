import {
  SourceFreshness,
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
} from '@homelab/plugin-homelab-common';

/**
 * The topology's nodes by id and its edges, gathered as the graph is built.
 * An edge is added once, whichever way round it is offered again.
 */
export class TopologyGraphBuilder {
  readonly #nodes = new Map<string, TopologyNode>();
  readonly #edges: TopologyEdge[] = [];
  readonly #edgeKeys = new Set<string>();

  /** Adds a node, or replaces the one with its id. */
  setNode(node: TopologyNode): void {
    this.#nodes.set(node.id, node);
  }

  node(id: string): TopologyNode | undefined {
    return this.#nodes.get(id);
  }

  addEdge(source: string, target: string, relation: string): void {
    const key = `${source}|${target}`;
    if (
      source === target ||
      this.#edgeKeys.has(key) ||
      this.#edgeKeys.has(`${target}|${source}`)
    )
      return;
    this.#edgeKeys.add(key);
    this.#edges.push({ source, target, relation });
  }

  build(generatedAt: Date, freshness: SourceFreshness[]): TopologyGraph {
    // Edges to entities the catalog did not return (filtered or missing) are left out.
    return {
      nodes: [...this.#nodes.values()],
      edges: this.#edges.filter(
        edge => this.#nodes.has(edge.source) && this.#nodes.has(edge.target),
      ),
      generatedAt: generatedAt.toISOString(),
      freshness,
    };
  }
}
