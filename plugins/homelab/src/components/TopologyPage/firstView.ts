import { TopologyEdge, TopologyNode } from '@homelab/plugin-homelab-common';
import { GraphBox } from './graphViewport';
import { LayoutPosition } from './layeredLayout';

/** Some of the graph's nodes and the edges between them. */
export interface GraphPart {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

/**
 * A placed graph split in two: what a view of the box shows - each node
 * placed within `margin` of it, every edge of those, and each such edge's
 * other end - and the rest. Cytoscape styles, measures and indexes every
 * element it is given before its first frame, so a large graph's first
 * frame is drawn from the first part alone (a third of a 1,000-device
 * estate's overview at the readable zoom) and the rest is added after it.
 * `farEnds` are the first part's nodes beyond the margin, there only as an
 * edge's other end (in that overview 332 of the first part's 422 nodes,
 * against 90 within the margin): the view shows their edges but never their
 * labels.
 */
export function splitFirstView(
  graph: GraphPart,
  positions: ReadonlyMap<string, LayoutPosition>,
  box: GraphBox,
  margin: number,
): { first: GraphPart; rest: GraphPart; farEnds: Set<string> } {
  const inView = new Set<string>();
  for (const node of graph.nodes) {
    const at = positions.get(node.id);
    if (
      at &&
      at.x >= box.x1 - margin &&
      at.x <= box.x2 + margin &&
      at.y >= box.y1 - margin &&
      at.y <= box.y2 + margin
    )
      inView.add(node.id);
  }
  const first = new Set(inView);
  const edges: GraphPart = { nodes: [], edges: [] };
  const rest: GraphPart = { nodes: [], edges: [] };
  for (const edge of graph.edges) {
    if (inView.has(edge.source) || inView.has(edge.target)) {
      first.add(edge.source);
      first.add(edge.target);
      edges.edges.push(edge);
    } else {
      rest.edges.push(edge);
    }
  }
  for (const node of graph.nodes)
    (first.has(node.id) ? edges : rest).nodes.push(node);
  const farEnds = new Set([...first].filter(id => !inView.has(id)));
  return { first: edges, rest, farEnds };
}
