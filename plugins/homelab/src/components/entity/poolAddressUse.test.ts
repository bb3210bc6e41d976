import { SourceFreshness, TopologyGraph } from '@homelab/plugin-homelab-common';
import { poolAddressUse } from './poolAddressUse';

const pool = {
  entityRef: 'resource:default/production-pool',
  cluster: 'production',
};

// The production cluster's two LoadBalancer services of the demo
// (examples/snapshots/production/services.json), as the backend's topology
// draws them (homelab-backend src/topology/workloadTopology.ts): a node per
// address, "exposes" from its namespace and "assigns" from the pool holding it.
function graph(workloads: SourceFreshness | undefined): TopologyGraph {
  const address = (ip: string, service: string) => ({
    id: `load-balancer-ip:production/${ip}`,
    kind: 'load-balancer-ip' as const,
    label: `${ip} (${service})`,
    cluster: 'production',
  });
  return {
    generatedAt: '2026-12-02T10:00:00Z',
    freshness: workloads ? [workloads] : [],
    nodes: [
      { id: pool.entityRef, kind: 'ip-pool', label: 'Production pool' },
      address('192.168.100.161', 'home-assistant/home-assistant'),
      address('192.168.100.160', 'traefik/traefik'),
      // Held by a service, but outside every pool: no "assigns" edge.
      address('192.168.100.90', 'legacy/ftp'),
    ],
    edges: [
      {
        source: 'namespace:production/traefik',
        target: 'load-balancer-ip:production/192.168.100.160',
        relation: 'exposes',
      },
      {
        source: pool.entityRef,
        target: 'load-balancer-ip:production/192.168.100.161',
        relation: 'assigns',
      },
      {
        source: pool.entityRef,
        target: 'load-balancer-ip:production/192.168.100.160',
        relation: 'assigns',
      },
    ],
  };
}

const fresh: SourceFreshness = {
  source: 'workloads',
  cluster: 'production',
  state: 'fresh',
  collectedAt: '2026-12-02T09:59:00Z',
};

describe('poolAddressUse', () => {
  it('lists the addresses the pool assigns, in address order, with the service holding each', () => {
    expect(poolAddressUse(graph(fresh), pool)).toEqual({
      known: true,
      addresses: [
        { address: '192.168.100.160', service: 'traefik/traefik' },
        {
          address: '192.168.100.161',
          service: 'home-assistant/home-assistant',
        },
      ],
    });
  });

  it('gives stale addresses with the time they are from', () => {
    const stale = {
      ...fresh,
      state: 'stale' as const,
      error: 'connect ECONNREFUSED',
    };
    expect(poolAddressUse(graph(stale), pool)).toMatchObject({
      known: true,
      staleSince: '2026-12-02T09:59:00Z',
    });
  });

  it('says why use is not known, never "0 in use", while the workloads were not read', () => {
    expect(
      poolAddressUse(
        graph({
          source: 'workloads',
          cluster: 'production',
          state: 'never-collected',
          error: 'cluster unreachable',
        }),
        pool,
      ),
    ).toEqual({
      known: false,
      reason:
        'the workloads of production were never collected (cluster unreachable)',
    });
    expect(poolAddressUse(graph(undefined), pool)).toEqual({
      known: false,
      reason: 'the workloads of production are not collected',
    });
  });

  it('counts a pool none of whose addresses is held as 0 in use, when the workloads were read', () => {
    expect(
      poolAddressUse(graph(fresh), {
        entityRef: 'resource:default/staging-pool',
        cluster: 'production',
      }),
    ).toEqual({ known: true, addresses: [] });
  });
});
