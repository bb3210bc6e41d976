import { layeredLayout } from './layeredLayout';

const SPACING = { layer: 100, node: 10 };
const edge = (source: string, target: string) => ({ source, target });

describe('layeredLayout', () => {
  it('places every edge pointing right, one layer per step from the internet down', () => {
    const ids = ['workload', 'internet', 'router', 'switch', 'device'];
    const at = layeredLayout(
      ids,
      [
        edge('internet', 'router'),
        edge('router', 'switch'),
        edge('switch', 'device'),
        edge('device', 'workload'),
      ],
      SPACING,
    );
    expect(ids.map(id => at.get(id)!.x)).toEqual([400, 0, 100, 200, 300]);
  });

  it('puts a node one layer right of its furthest upstream neighbour, and a network nothing routes beside its devices', () => {
    const at = layeredLayout(
      ['internet', 'router', 'switch', 'device', 'lab-network'],
      [
        edge('internet', 'router'),
        edge('router', 'switch'),
        edge('router', 'device'),
        edge('switch', 'device'),
        edge('lab-network', 'device'),
      ],
      SPACING,
    );
    expect(at.get('device')!.x).toBe(300);
    expect(at.get('lab-network')!.x).toBe(200);
  });

  it('orders a layer by its neighbours, so children sit level with their parent and edges do not cross', () => {
    // Depth-first from the root meets b-child first (a's first edge); the
    // sweeps put a-child, whose only parent is a, above it.
    const at = layeredLayout(
      ['root', 'a', 'b', 'b-child', 'a-child'],
      [
        edge('root', 'a'),
        edge('root', 'b'),
        edge('a', 'b-child'),
        edge('a', 'a-child'),
        edge('b', 'b-child'),
      ],
      SPACING,
    );
    const y = (id: string) => at.get(id)!.y;
    expect(y('a')).toBeLessThan(y('b'));
    expect(y('a-child')).toBeLessThan(y('b-child'));
  });

  it('keeps the nodes of a layer apart by the node spacing', () => {
    const devices = Array.from({ length: 50 }, (_, i) => `device-${i}`);
    const at = layeredLayout(
      ['switch', ...devices],
      devices.map(device => edge('switch', device)),
      SPACING,
    );
    const ys = devices.map(device => at.get(device)!.y).sort((a, b) => a - b);
    expect(new Set(devices.map(device => at.get(device)!.x))).toEqual(
      new Set([100]),
    );
    expect(ys).toEqual(devices.map((_, i) => i * 10));
  });

  it('lays out a cycle and ignores edges to nodes it was not given', () => {
    const at = layeredLayout(
      ['switch-a', 'switch-b', 'switch-c'],
      [
        edge('switch-a', 'switch-b'),
        edge('switch-b', 'switch-c'),
        edge('switch-c', 'switch-a'),
        edge('switch-a', 'elsewhere'),
      ],
      SPACING,
    );
    expect([...at.keys()]).toEqual(['switch-a', 'switch-b', 'switch-c']);
    expect(
      ['switch-a', 'switch-b', 'switch-c'].map(id => at.get(id)!.x),
    ).toEqual([0, 100, 200]);
  });
});
