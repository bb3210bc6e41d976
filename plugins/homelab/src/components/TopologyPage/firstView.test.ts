import { TopologyNode } from '@homelab/plugin-homelab-common';
import { splitFirstView } from './firstView';

const node = (id: string) =>
  ({ id, kind: 'device', label: id } as TopologyNode);

describe('splitFirstView', () => {
  // a -> b -> c -> d in a row, 100 apart; e far below a.
  const positions = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 100, y: 0 }],
    ['c', { x: 200, y: 0 }],
    ['d', { x: 300, y: 0 }],
    ['e', { x: 0, y: 1000 }],
  ]);
  const graph = {
    nodes: ['a', 'b', 'c', 'd', 'e'].map(node),
    edges: [
      { source: 'a', target: 'b', relation: 'connects' },
      { source: 'b', target: 'c', relation: 'connects' },
      { source: 'c', target: 'd', relation: 'connects' },
      { source: 'a', target: 'e', relation: 'connects' },
    ] as any,
  };

  it('draws first what the view shows, with the far end of each of its edges, and leaves the rest for later', () => {
    const { first, rest } = splitFirstView(
      graph,
      positions,
      { x1: -10, y1: -10, x2: 110, y2: 10 },
      20,
    );
    // a and b are in view; c and e are the other ends of their edges.
    expect(first.nodes.map(n => n.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(first.edges.map(e => `${e.source}>${e.target}`)).toEqual([
      'a>b',
      'b>c',
      'a>e',
    ]);
    expect(rest.nodes.map(n => n.id)).toEqual(['d']);
    expect(rest.edges.map(e => `${e.source}>${e.target}`)).toEqual(['c>d']);
  });

  it('names the far ends: nodes of the first part beyond the margin, there only for an edge of one in view', () => {
    const { farEnds } = splitFirstView(
      graph,
      positions,
      { x1: -10, y1: -10, x2: 110, y2: 10 },
      20,
    );
    expect([...farEnds].sort()).toEqual(['c', 'e']);
    // Within the wider margin, c is in view and d, its far end, is one.
    expect(
      [
        ...splitFirstView(
          graph,
          positions,
          { x1: -10, y1: -10, x2: 110, y2: 10 },
          100,
        ).farEnds,
      ].sort(),
    ).toEqual(['d', 'e']);
  });

  it('counts a node within the margin as in view', () => {
    const { first } = splitFirstView(
      graph,
      positions,
      { x1: -10, y1: -10, x2: 110, y2: 10 },
      100,
    );
    expect(first.nodes.map(n => n.id)).toContain('d');
  });

  it('keeps every node and edge exactly once between the two parts', () => {
    const { first, rest } = splitFirstView(
      graph,
      positions,
      { x1: 150, y1: -10, x2: 250, y2: 10 },
      0,
    );
    expect([...first.nodes, ...rest.nodes].map(n => n.id).sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(first.edges.length + rest.edges.length).toBe(graph.edges.length);
  });
});
