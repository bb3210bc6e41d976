/** Where a node is drawn: the centre of its shape, in graph coordinates. */
export interface LayoutPosition {
  x: number;
  y: number;
}

/** Distances between layers (columns) and between nodes in a layer. */
interface LayeredLayoutSpacing {
  layer: number;
  node: number;
}

/** Sweeps of the crossing reduction: each orders every layer by its neighbours, downstream then upstream. */
const SWEEPS = 4;

/** The graph by index: each node's upstream and downstream neighbours. */
interface IndexedGraph {
  count: number;
  upstream: number[][];
  downstream: number[][];
}

function indexGraph(
  ids: string[],
  edges: Array<{ source: string; target: string }>,
): IndexedGraph {
  const index = new Map(ids.map((id, i) => [id, i]));
  const upstream: number[][] = ids.map(() => []);
  const downstream: number[][] = ids.map(() => []);
  for (const edge of edges) {
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    if (source === undefined || target === undefined || source === target)
      continue;
    downstream[source].push(target);
    upstream[target].push(source);
  }
  return { count: ids.length, upstream, downstream };
}

/**
 * The nodes in depth-first order from those nothing points to (then from
 * any left, which only a cycle leaves), and the edges that close a cycle,
 * by "source>target": those are not followed when ranking, so a cycle
 * cannot push its nodes right forever. Iterative, so a long chain cannot
 * overflow the stack.
 */
function depthFirst(graph: IndexedGraph) {
  const state = new Uint8Array(graph.count); // 0 new, 1 on the path, 2 done
  const preorder: number[] = [];
  const postorder: number[] = [];
  const cycleEdges = new Set<string>();
  const visit = (root: number) => {
    const stack: Array<[node: number, next: number]> = [[root, 0]];
    state[root] = 1;
    preorder.push(root);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [node, next] = top;
      if (next >= graph.downstream[node].length) {
        state[node] = 2;
        postorder.push(node);
        stack.pop();
        continue;
      }
      top[1] += 1;
      const target = graph.downstream[node][next];
      if (state[target] === 1) cycleEdges.add(`${node}>${target}`);
      if (state[target] !== 0) continue;
      state[target] = 1;
      preorder.push(target);
      stack.push([target, 0]);
    }
  };
  for (let node = 0; node < graph.count; node++)
    if (!graph.upstream[node].length && !state[node]) visit(node);
  for (let node = 0; node < graph.count; node++) if (!state[node]) visit(node);
  return { preorder, topological: postorder.reverse(), cycleEdges };
}

/**
 * Each node's layer: one right of its furthest-right upstream neighbour
 * (the longest path from the start), then every node nothing points to moved
 * right to just before its nearest downstream neighbour, so that a network
 * sits beside the devices on it rather than beside the internet.
 */
function assignLayers(
  graph: IndexedGraph,
  topological: number[],
  cycleEdges: Set<string>,
): Int32Array {
  const layer = new Int32Array(graph.count);
  const followed = (source: number, target: number) =>
    !cycleEdges.has(`${source}>${target}`);
  for (const node of topological) {
    for (const target of graph.downstream[node]) {
      if (followed(node, target))
        layer[target] = Math.max(layer[target], layer[node] + 1);
    }
  }
  for (let i = topological.length - 1; i >= 0; i--) {
    const node = topological[i];
    if (graph.upstream[node].length || !graph.downstream[node].length) continue;
    let nearest = Infinity;
    for (const target of graph.downstream[node])
      nearest = Math.min(nearest, layer[target]);
    layer[node] = Math.max(0, nearest - 1);
  }
  return layer;
}

/**
 * Orders one layer by the mean slot of each node's neighbours on the given
 * side; a node without any keeps its own slot. Slots are indices from the
 * top, so layers of every length compare.
 */
function orderByNeighbours(
  nodes: number[],
  neighbours: number[][],
  slot: Float64Array,
) {
  const key = new Map<number, number>();
  for (const node of nodes) {
    const around = neighbours[node];
    let sum = 0;
    for (const other of around) sum += slot[other];
    key.set(node, around.length ? sum / around.length : slot[node]);
  }
  nodes.sort((a, b) => key.get(a)! - key.get(b)! || slot[a] - slot[b]);
  nodes.forEach((node, i) => {
    slot[node] = i;
  });
}

/**
 * Lays a directed graph out in layers from left to right, each edge
 * pointing right where the graph has no cycle (upstream on the left,
 * downstream on the right), with a few sweeps of the barycentre heuristic
 * to keep neighbours level and edges from crossing. Linear in the edges per
 * sweep: a 1,500-node graph is laid out in milliseconds, where dagre's
 * network simplex and crossing minimisation take seconds.
 */
export function layeredLayout(
  ids: string[],
  edges: Array<{ source: string; target: string }>,
  spacing: LayeredLayoutSpacing,
): Map<string, LayoutPosition> {
  const graph = indexGraph(ids, edges);
  const { preorder, topological, cycleEdges } = depthFirst(graph);
  const layerOf = assignLayers(graph, topological, cycleEdges);
  const layers: number[][] = [];
  // Depth-first order keeps what hangs off one node together from the start.
  for (const node of preorder) (layers[layerOf[node]] ??= []).push(node);
  const slot = new Float64Array(graph.count);
  for (const layer of layers)
    layer?.forEach((node, i) => {
      slot[node] = i;
    });
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let i = 1; i < layers.length; i++)
      if (layers[i]) orderByNeighbours(layers[i], graph.upstream, slot);
    for (let i = layers.length - 2; i >= 0; i--)
      if (layers[i]) orderByNeighbours(layers[i], graph.downstream, slot);
  }
  const positions = new Map<string, LayoutPosition>();
  for (let node = 0; node < graph.count; node++) {
    positions.set(ids[node], {
      x: layerOf[node] * spacing.layer,
      y: slot[node] * spacing.node,
    });
  }
  return positions;
}
