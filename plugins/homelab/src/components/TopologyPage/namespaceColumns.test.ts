import cytoscape, { Core } from 'cytoscape';
import { layOutNamespaceColumns, namespaceBand } from './namespaceColumns';
import { LABEL_MAX_WIDTH, NODE_SIZE } from './topologyStyle';

type Kind = 'device' | 'cluster' | 'namespace' | 'workload';

/** A headless graph: nodes of these kinds, and edges from each cluster to its namespaces. */
function graph(
  nodes: Array<[id: string, kind: Kind, position?: { x: number; y: number }]>,
  edges: Array<[source: string, target: string]>,
): Core {
  return cytoscape({
    headless: true,
    styleEnabled: false,
    // As the page does: the positions given, not Cytoscape's default grid.
    layout: { name: 'preset' },
    elements: [
      ...nodes.map(([id, kind, position]) => ({
        group: 'nodes' as const,
        data: { id, kind, label: id },
        position: position ?? { x: 0, y: 0 },
      })),
      ...edges.map(([source, target]) => ({
        group: 'edges' as const,
        data: { id: `${source}->${target}`, source, target },
      })),
    ],
  });
}

/** A cluster and n namespaces ns-01.. under it, their names in an order other than the label's. */
function cluster(name: string, n: number) {
  const namespaces = Array.from(
    { length: n },
    (_, i) => `${name}-ns-${String(n - i).padStart(2, '0')}`,
  );
  return {
    nodes: [
      [name, 'cluster'] as [string, Kind],
      ...namespaces.map(id => [id, 'namespace'] as [string, Kind]),
    ],
    edges: namespaces.map(id => [name, id] as [string, string]),
  };
}

/** The rest of the estate, laid out already: a row of devices 0..width wide at y 0. */
const estate = (width: number) =>
  Array.from(
    { length: Math.floor(width / 200) + 1 },
    (_, i) =>
      [`device-${i}`, 'device', { x: i * 200, y: 0 }] as [
        string,
        Kind,
        { x: number; y: number },
      ],
  );

function laidOut(instance: Core) {
  const band = namespaceBand(instance)!;
  layOutNamespaceColumns(instance, band);
  return (id: string) => instance.getElementById(id).position();
}

describe('namespaceBand', () => {
  it('is each namespace and the cluster it is in, while workloads are folded', () => {
    const { nodes, edges } = cluster('production', 2);
    const instance = graph([...estate(400), ...nodes], edges);
    expect(
      namespaceBand(instance)!
        .map(node => node.id())
        .sort(),
    ).toEqual(['production', 'production-ns-01', 'production-ns-02']);
  });

  it('is none once workloads are drawn, or with no namespace', () => {
    const { nodes, edges } = cluster('production', 2);
    expect(
      namespaceBand(
        graph(
          [...nodes, ['web', 'workload']],
          [...edges, ['production-ns-01', 'web']],
        ),
      ),
    ).toBeUndefined();
    expect(namespaceBand(graph(estate(400), []))).toBeUndefined();
  });
});

describe('layOutNamespaceColumns', () => {
  it("lays a cluster's namespaces out in columns of three rows beside it, in order of their names, under the rest of the estate", () => {
    const { nodes, edges } = cluster('production', 12);
    const instance = graph([...estate(1600), ...nodes], edges);
    const at = laidOut(instance);

    const xs = new Set<number>();
    const ys = new Set<number>();
    for (let i = 1; i <= 12; i++) {
      const { x, y } = at(`production-ns-${String(i).padStart(2, '0')}`);
      xs.add(x);
      ys.add(y);
      // Under the devices, their labels and a gap.
      expect(y).toBeGreaterThan(NODE_SIZE + 40);
    }
    // 12 namespaces: 4 columns of 3, where before they stood in one column of 12.
    expect(xs.size).toBe(4);
    expect(ys.size).toBe(3);
    // Down each column, then the next: ns-01 to ns-03 in the first.
    expect(at('production-ns-01').x).toBe(at('production-ns-03').x);
    expect(at('production-ns-04').x).toBeGreaterThan(at('production-ns-01').x);
    expect(at('production-ns-02').y).toBeGreaterThan(at('production-ns-01').y);
    // The cluster to the left of its namespaces, beside the middle row.
    expect(at('production').x).toBeLessThan(Math.min(...xs));
    expect(at('production').y).toBe(at('production-ns-02').y);
  });

  it('sizes the grid to the count: one column for a few namespaces, as many columns as the estate is wide for many', () => {
    const few = cluster('staging', 3);
    const narrow = graph([...estate(400), ...few.nodes], few.edges);
    const atFew = laidOut(narrow);
    expect(new Set(few.nodes.slice(1).map(([id]) => atFew(id).x)).size).toBe(1);

    // 30 namespaces under an estate 5 columns wide: never wider than it.
    const many = cluster('production', 30);
    const instance = graph([...estate(800), ...many.nodes], many.edges);
    const at = laidOut(instance);
    const columns = new Set(many.nodes.slice(1).map(([id]) => at(id).x));
    expect(columns.size).toBeGreaterThan(1);
    expect(Math.max(...columns) - at('production').x).toBeLessThanOrEqual(
      800 + LABEL_MAX_WIDTH,
    );
  });

  it("sets clusters' blocks side by side while they fit the estate's width, then starts a row of blocks under them", () => {
    const a = cluster('alpha', 6);
    const b = cluster('beta', 6);
    const c = cluster('gamma', 6);
    const wide = graph(
      [...estate(2000), ...a.nodes, ...b.nodes, ...c.nodes],
      [...a.edges, ...b.edges, ...c.edges],
    );
    const atWide = laidOut(wide);
    expect(atWide('beta').y).toBe(atWide('alpha').y);
    expect(atWide('beta').x).toBeGreaterThan(atWide('alpha-ns-06').x);

    const narrow = graph(
      [...estate(600), ...a.nodes, ...b.nodes, ...c.nodes],
      [...a.edges, ...b.edges, ...c.edges],
    );
    const at = laidOut(narrow);
    expect(at('beta').y).toBeGreaterThan(at('alpha-ns-03').y);
  });

  it('leaves no two nodes of the band closer than a label is wide on a row, or a shape and its label apart down a column', () => {
    const a = cluster('alpha', 14);
    const b = cluster('beta', 5);
    const instance = graph(
      [...estate(1400), ...a.nodes, ...b.nodes],
      [...a.edges, ...b.edges],
    );
    laidOut(instance);
    const placed = instance
      .nodes('[kind != "device"]')
      .map(node => node.position());
    for (const p of placed)
      for (const q of placed) {
        if (p === q) continue;
        const apart =
          Math.abs(p.x - q.x) >= LABEL_MAX_WIDTH ||
          Math.abs(p.y - q.y) >= NODE_SIZE + 24;
        expect(apart).toBe(true);
      }
  });

  it("marks a cluster's edges to its namespaces in-block, which the stylesheet hides, and places namespaces of no cluster in a row below", () => {
    const { nodes, edges } = cluster('production', 4);
    const instance = graph(
      [...estate(800), ...nodes, ['orphan', 'namespace']],
      edges,
    );
    const at = laidOut(instance);
    expect(instance.edges('.in-block').length).toBe(4);
    expect(at('orphan').y).toBeGreaterThan(at('production-ns-02').y);
  });
});
