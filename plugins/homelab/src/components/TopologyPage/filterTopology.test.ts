import { topology } from '../../__testUtils__/fixtures';
import {
  collapseWorkloads,
  filterChoices,
  filterTopology,
  searchOptions,
} from './filterTopology';

const ids = (graph: { nodes: Array<{ id: string }> }) =>
  graph.nodes.map(n => n.id).sort();

describe('filterTopology', () => {
  it('keeps everything without a filter', () => {
    expect(filterTopology(topology, {})).toEqual({
      nodes: topology.nodes,
      edges: topology.edges,
    });
  });

  it('keeps a cluster with the path from the internet to it and what runs in it', () => {
    const production = filterTopology(topology, { cluster: 'production' });
    expect(ids(production)).toEqual(
      [
        'internet',
        'resource:default/udm-pro',
        'resource:default/serverlan',
        'resource:default/rk1-1',
        'resource:default/production-rk1-1',
        'resource:default/production',
        'namespace:production/nextcloud',
        'workload:production/nextcloud/Deployment/nextcloud',
        'workload:production/nextcloud/StatefulSet/nextcloud-postgresql',
      ].sort(),
    );
    expect(
      production.edges.every(
        e =>
          production.nodes.some(n => n.id === e.source) &&
          production.nodes.some(n => n.id === e.target),
      ),
    ).toBe(true);
  });

  it('combines filters: staging on the IoT network is empty but for the path to the network', () => {
    expect(
      ids(filterTopology(topology, { environment: 'staging', network: 'iot' })),
    ).toEqual(['internet', 'resource:default/udm-pro'].sort());
  });

  it('keeps a network with the path to it and what hangs off it, not everything its router carries', () => {
    // The router and a switch have a port in every network.
    const wired = {
      ...topology,
      nodes: topology.nodes.map(n =>
        n.kind === 'router' ? { ...n, networks: ['serverlan', 'iot'] } : n,
      ),
    };
    expect(ids(filterTopology(wired, { network: 'iot' }))).toEqual(
      ['internet', 'resource:default/udm-pro', 'resource:default/iot'].sort(),
    );
    const serverlan = ids(filterTopology(wired, { network: 'serverlan' }));
    expect(serverlan).toContain('resource:default/rpi-staging');
    expect(serverlan).not.toContain('resource:default/iot');
  });

  it('offers the clusters, networks and environments the graph has', () => {
    expect(filterChoices(topology)).toEqual({
      environments: [
        { value: 'production', label: 'production' },
        { value: 'staging', label: 'staging' },
      ],
      clusters: [
        { value: 'production', label: 'Production cluster' },
        { value: 'staging', label: 'Staging cluster' },
      ],
      networks: [
        { value: 'iot', label: 'IoT' },
        { value: 'serverlan', label: 'ServerLAN' },
      ],
    });
  });
});

describe('collapseWorkloads', () => {
  it('folds workloads into their namespace, which counts them and takes the worst status', () => {
    const collapsed = collapseWorkloads(topology);
    expect(collapsed.nodes.some(n => n.kind === 'workload')).toBe(false);
    expect(
      collapsed.nodes.find(n => n.id === 'namespace:production/nextcloud'),
    ).toMatchObject({
      label: 'nextcloud',
      status: 'warning',
      reason: 'nextcloud-postgresql: warning',
      workloads: { total: 2, ok: 1, warning: 1, error: 0, unknown: 0 },
    });
    expect(collapsed.edges.some(e => e.target.startsWith('workload:'))).toBe(
      false,
    );
    expect(collapsed.nodes).toHaveLength(topology.nodes.length - 2);
  });
});

describe('searchOptions', () => {
  it('lists each node once, grouped by kind from the internet down, with the cluster beside shared names', () => {
    const options = searchOptions([...topology.nodes, topology.nodes[1]]);
    expect(options).toHaveLength(topology.nodes.length);
    expect(options[0].searchLabel).toBe('Internet');
    expect(
      options.filter(o => o.kind === 'namespace').map(o => o.searchLabel),
    ).toEqual(['nextcloud · production', 'nextcloud · staging']);
    const kinds = options.map(o => o.kind);
    expect(kinds.filter((k, i) => kinds.indexOf(k) === i)).toEqual([
      'internet',
      'router',
      'network',
      'device',
      'node',
      'cluster',
      'namespace',
      'workload',
    ]);
  });
});
