import { Entity } from '@backstage/catalog-model';
import { EntityIndex } from '../workloads/EntityIndex';
import { buildTopology } from './buildTopology';

const resource = (
  name: string,
  type: string,
  homelab: object,
  title?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, ...(title ? { title } : {}) },
  spec: { type, owner: 'admins', homelab },
});
const ref = (name: string) => `resource:default/${name}`;

const model = {
  resources: [
    resource('fiber', 'network', {
      kind: 'wan',
      connectedTo: [ref('gateway')],
    }),
    resource('gateway', 'device', {
      kind: 'router',
      connectedTo: [ref('lan'), ref('core-switch')],
    }),
    resource('core-switch', 'device', {
      kind: 'switch',
      connectedTo: [ref('gateway'), ref('pi')],
    }),
    resource('lan', 'network', { kind: 'vlan' }),
    resource('pi', 'device', {
      kind: 'sbc',
      connectedTo: [ref('lan'), ref('core-switch')],
      interfaces: [{ network: 'lan' }],
    }),
    resource('pi-node', 'kubernetes-node', {
      cluster: 'home',
      hostedOn: ref('pi'),
      partOf: [ref('home')],
      presence: 'in-inventory-and-cluster',
      live: { ready: 'True', stale: false },
    }),
    resource('ghost-node', 'kubernetes-node', {
      cluster: 'home',
      partOf: [ref('home')],
      presence: 'inventory-only',
    }),
    resource(
      'home',
      'kubernetes-cluster',
      { environment: 'production' },
      'Home cluster',
    ),
    resource('home-pool', 'ip-pool', {
      cluster: 'home',
      network: 'lan',
      partOf: [ref('home')],
      addresses: [{ start: '192.168.1.240', end: '192.168.1.250' }],
    }),
    resource('nas', 'device', {
      kind: 'nas',
      hostedOn: ref('rack-that-is-not-in-the-catalog'),
    }),
  ],
  index: new EntityIndex([]),
  clusterEnvironments: new Map([['home', 'production']]),
  environmentOrder: ['production'],
};

const snapshot = {
  namespaces: [{ name: 'media' }],
  workloads: [
    {
      kind: 'Deployment' as const,
      namespace: 'media',
      name: 'jellyfin',
      replicas: 2,
      readyReplicas: 1,
      images: [],
    },
    {
      kind: 'Deployment' as const,
      namespace: 'media',
      name: 'sonarr',
      replicas: 1,
      readyReplicas: 1,
      images: [],
    },
  ],
  owners: {},
  loadBalancers: [
    {
      namespace: 'media',
      name: 'jellyfin',
      addresses: ['192.168.1.241'],
      ports: [8096],
    },
  ],
};

const graph = (state: 'fresh' | 'stale') =>
  buildTopology(
    model,
    [{ cluster: 'home', snapshot }],
    [
      {
        source: 'workloads',
        cluster: 'home',
        state,
        collectedAt: '2026-11-22T05:00:00.000Z',
      },
    ],
    new Date('2026-11-22T06:00:00Z'),
  );
const edges = async (state: 'fresh' | 'stale') =>
  (await graph(state)).edges.map(
    e => `${e.source} -${e.relation}-> ${e.target}`,
  );

describe('buildTopology', () => {
  it('runs from the internet through the router, switch and network to devices, nodes, clusters and workloads', async () => {
    expect(await edges('fresh')).toEqual([
      `internet -uplink-> ${ref('fiber')}`,
      `${ref('fiber')} -uplink-> ${ref('gateway')}`,
      `${ref('gateway')} -routes-> ${ref('lan')}`,
      `${ref('gateway')} -cable-> ${ref('core-switch')}`,
      `${ref('core-switch')} -cable-> ${ref('pi')}`,
      `${ref('lan')} -attaches-> ${ref('pi')}`,
      `${ref('pi')} -runs-> ${ref('pi-node')}`,
      `${ref('pi-node')} -member-of-> ${ref('home')}`,
      `${ref('ghost-node')} -member-of-> ${ref('home')}`,
      `${ref('lan')} -allocates-> ${ref('home-pool')}`,
      `${ref('home')} -uses-> ${ref('home-pool')}`,
      `${ref('home')} -contains-> namespace:home/media`,
      'namespace:home/media -runs-> workload:home/media/Deployment/jellyfin',
      'namespace:home/media -runs-> workload:home/media/Deployment/sonarr',
      'namespace:home/media -exposes-> load-balancer-ip:home/192.168.1.241',
      `${ref('home-pool')} -assigns-> load-balancer-ip:home/192.168.1.241`,
    ]);
  });

  it('gives health where it is known, and unknown where the data is stale', async () => {
    const status = async (state: 'fresh' | 'stale') =>
      Object.fromEntries(
        (await graph(state)).nodes
          .filter(n => n.status)
          .map(n => [n.id, n.status]),
      );
    expect(await status('fresh')).toEqual({
      [ref('pi-node')]: 'ok',
      [ref('ghost-node')]: 'error',
      [ref('home')]: 'ok',
      'workload:home/media/Deployment/jellyfin': 'warning',
      'workload:home/media/Deployment/sonarr': 'ok',
    });
    expect(await status('stale')).toMatchObject({
      [ref('home')]: 'unknown',
      'workload:home/media/Deployment/jellyfin': 'unknown',
      'workload:home/media/Deployment/sonarr': 'unknown',
    });
  });

  it('says why a node is not healthy', async () => {
    const reasons = async (state: 'fresh' | 'stale') =>
      Object.fromEntries(
        (await graph(state)).nodes
          .filter(n => n.reason)
          .map(n => [n.id, n.reason]),
      );
    expect(await reasons('fresh')).toEqual({
      [ref('ghost-node')]: 'In the inventory, but home does not list this node',
      'workload:home/media/Deployment/jellyfin': '1 of 2 replicas ready',
    });
    const stale = 'The workloads of home are from 2026-11-22T05:00:00.000Z';
    expect(await reasons('stale')).toMatchObject({
      [ref('home')]: stale,
      'workload:home/media/Deployment/jellyfin': stale,
      'workload:home/media/Deployment/sonarr': stale,
    });
  });

  it('names nodes by title and keeps the environment and networks', async () => {
    const nodes = (await graph('fresh')).nodes;
    expect(nodes.find(n => n.id === ref('home'))).toMatchObject({
      label: 'Home cluster',
      environment: 'production',
    });
    expect(nodes.find(n => n.id === ref('pi'))).toMatchObject({
      kind: 'device',
      networks: ['lan'],
    });
    expect(nodes.find(n => n.id === ref('gateway'))!.kind).toBe('router');
  });
});
