import { TopologyGraph } from '@homelab/plugin-homelab-common';
import { gunzipSync } from 'node:zlib';
import { prepareJson } from './PreparedJson';
import { TimeSlicer } from './TimeSlicer';
import { prepareTopology } from './topologyViews';

const graph: TopologyGraph = {
  nodes: [
    { id: 'c', kind: 'cluster', label: 'Home', cluster: 'home' },
    { id: 'e', kind: 'cluster', label: 'Empty', cluster: 'empty' },
    { id: 'ns', kind: 'namespace', label: 'media', cluster: 'home' },
    { id: 'quiet', kind: 'namespace', label: 'quiet', cluster: 'home' },
    ...['a', 'b', 'c2', 'd', 'e2'].map((name, i) => ({
      id: `w-${name}`,
      kind: 'workload' as const,
      label: name,
      cluster: 'home',
      status: i === 0 ? ('ok' as const) : ('error' as const),
      ...(i === 0 ? {} : { reason: `0 of ${i} replicas ready` }),
    })),
  ],
  edges: [
    { source: 'c', target: 'ns', relation: 'contains' },
    { source: 'c', target: 'quiet', relation: 'contains' },
    ...['a', 'b', 'c2', 'd', 'e2'].map(name => ({
      source: 'ns',
      target: `w-${name}`,
      relation: 'runs',
    })),
  ],
  generatedAt: '2026-11-22T06:00:00.000Z',
  freshness: [],
};

const parse = (buffer: Buffer) => JSON.parse(buffer.toString('utf8'));

describe('prepareTopology', () => {
  it('serves the whole graph as it was built, and gzipped', async () => {
    const { full } = await prepareTopology(graph);
    expect(parse(full.json)).toEqual(graph);
    expect(gunzipSync(full.gzip).equals(full.json)).toBe(true);
  });

  it('folds workloads into their namespaces: counts by state, the worst state and why', async () => {
    const folded = parse((await prepareTopology(graph)).folded.json);
    expect(folded.nodes.map((n: { id: string }) => n.id)).toEqual([
      'c',
      'e',
      'ns',
      'quiet',
    ]);
    expect(folded.edges).toHaveLength(2);
    expect(folded.nodes[2]).toEqual({
      id: 'ns',
      kind: 'namespace',
      label: 'media',
      cluster: 'home',
      status: 'error',
      reason:
        'b: 0 of 1 replicas ready; c2: 0 of 2 replicas ready; d: 0 of 3 replicas ready; and 1 more',
      workloads: { total: 5, ok: 1, warning: 0, error: 4, unknown: 0 },
    });
    expect(folded.nodes[3]).toEqual({
      id: 'quiet',
      kind: 'namespace',
      label: 'quiet',
      cluster: 'home',
      workloads: { total: 0, ok: 0, warning: 0, error: 0, unknown: 0 },
    });
  });

  it('serves each cluster’s workloads on their own, an empty part for a cluster that runs none', async () => {
    const { clusterWorkloads } = await prepareTopology(graph);
    expect([...clusterWorkloads.keys()]).toEqual(['home', 'empty']);
    const home = parse(clusterWorkloads.get('home')!.json);
    expect(home.nodes).toHaveLength(5);
    expect(home.edges.every((e: { source: string }) => e.source === 'ns')).toBe(
      true,
    );
    expect(parse(clusterWorkloads.get('empty')!.json)).toMatchObject({
      nodes: [],
      edges: [],
    });
  });
});

describe('prepareJson', () => {
  it('writes what JSON.stringify writes, with one entity tag per content', async () => {
    const value = {
      items: [{ a: 1 }, 'two', null],
      note: { b: [3] },
      gone: undefined,
    };
    const first = await prepareJson(value, new TimeSlicer(0));
    expect(first.json.toString()).toBe(JSON.stringify(value));
    expect((await prepareJson(value, new TimeSlicer())).etag).toBe(first.etag);
    expect(
      (await prepareJson({ ...value, items: [] }, new TimeSlicer())).etag,
    ).not.toBe(first.etag);
  });
});
