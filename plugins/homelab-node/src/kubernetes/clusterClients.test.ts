import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { heldAfterCollection } from '../testing/heldAfterCollection';
import { KubernetesApiTestServer } from '../testing/KubernetesApiTestServer';
import {
  ClusterConnection,
  readClusterConnections,
} from './clusterConnections';
import { createClusterClient } from './createClusterClient';
import { nodeFacts } from './nodeFacts';

const fixtures = path.resolve(__dirname, '../../test-fixtures/kubernetes');
const productionNodes = JSON.parse(
  fs.readFileSync(path.join(fixtures, 'nodes-production.json'), 'utf8'),
).items;
const stagingNodes = JSON.parse(
  fs.readFileSync(path.join(fixtures, 'nodes-staging.json'), 'utf8'),
).items;
const TOKEN = 'lab-token-5f0c2e9d1b7a';

// The first live read loads @kubernetes/client-node through Jest's transform:
// under 1 s on a quiet machine, over 5 s (Jest's default) when CI runs every
// package's tests at once on two cores.
jest.setTimeout(30_000);

function apiConnection(
  server: KubernetesApiTestServer,
  overrides: Partial<ClusterConnection> = {},
): ClusterConnection {
  return {
    name: 'production',
    source: {
      type: 'api',
      url: server.url,
      caData: server.caData,
      token: TOKEN,
      skipTLSVerify: false,
    },
    requestTimeoutMs: 2000,
    pageSize: 2,
    ...overrides,
  };
}

describe('reading nodes from a local HTTP server speaking the Kubernetes API with recorded node objects', () => {
  let server: KubernetesApiTestServer;

  beforeEach(async () => {
    server = await KubernetesApiTestServer.start({
      collections: { '/api/v1/nodes': productionNodes },
      token: TOKEN,
    });
  });
  afterEach(() => server.stop());

  it('lists every node page by page with the bearer token', async () => {
    const nodes = await createClusterClient(apiConnection(server)).listNodes();
    expect(nodes.map(node => node.metadata?.name)).toEqual([
      'rk1-1',
      'rk1-2',
      'rk1-3',
    ]);
    expect(
      server.requests.map(r => [
        r.path,
        r.query.limit,
        r.query.continue ?? null,
        r.authorized,
      ]),
    ).toEqual([
      ['/api/v1/nodes', '2', null, true],
      ['/api/v1/nodes', '2', expect.any(String), true],
    ]);
  });

  it('lists in smaller pages when asked, never larger than configured', async () => {
    const client = createClusterClient(apiConnection(server));
    const pages = async (pageSize: number) => {
      const sizes: number[] = [];
      for await (const page of client.listPages(
        { group: '', version: 'v1', plural: 'nodes' },
        { pageSize },
      ))
        sizes.push(page.length);
      return sizes;
    };
    expect(await pages(1)).toEqual([1, 1, 1]);
    expect(await pages(50)).toEqual([2, 1]);
    expect(server.requests.map(r => r.query.limit)).toEqual([
      '1',
      '1',
      '1',
      '2',
      '2',
    ]);
  });

  it('reports a refused token by HTTP status, never echoing the token', async () => {
    const reader = createClusterClient(
      apiConnection(server, {
        source: {
          type: 'api',
          url: server.url,
          caData: server.caData,
          token: 'stale-token-0000',
          skipTLSVerify: false,
        },
      }),
    );
    const error = await reader.listNodes().catch(e => e);
    expect(error.message).toBe(
      'cluster "production": the API server answered HTTP 401: Unauthorized',
    );
    expect(error.message).not.toContain('stale-token-0000');
  });

  it('gives up on a request that outlives the request timeout', async () => {
    server.setDelay(1000);
    const reader = createClusterClient(
      apiConnection(server, { requestTimeoutMs: 200 }),
    );
    await expect(reader.listNodes()).rejects.toThrow(
      'cluster "production": the request timed out',
    );
  });

  it('fails as a whole when a later page fails, rather than returning a partial list', async () => {
    server.failWith(500, 'InternalError', 1);
    await expect(
      createClusterClient(apiConnection(server)).listNodes(),
    ).rejects.toThrow(
      'cluster "production": the API server answered HTTP 500: InternalError',
    );
  });

  it('refuses a server whose certificate the configured CA did not sign', async () => {
    const reader = createClusterClient(
      apiConnection(server, {
        source: {
          type: 'api',
          url: server.url,
          token: TOKEN,
          skipTLSVerify: false,
        },
      }),
    );
    await expect(reader.listNodes()).rejects.toThrow(
      /cluster "production": .*(self-signed|unable to verify|certificate)/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('reads a token from a file and connects through a kubeconfig file too', async () => {
    const mockDir = createMockDirectory();
    mockDir.setContent({
      token: `${TOKEN}\n`,
      kubeconfig: [
        'apiVersion: v1',
        'kind: Config',
        `clusters: [{ name: lab, cluster: { server: "${server.url}", certificate-authority-data: "${server.caData}" } }]`,
        `users: [{ name: reader, user: { token: "${TOKEN}" } }]`,
        'contexts: [{ name: lab, context: { cluster: lab, user: reader } }, { name: other, context: { cluster: lab, user: nobody } }]',
        'current-context: other',
      ].join('\n'),
    });
    const fromTokenFile = createClusterClient(
      apiConnection(server, {
        source: {
          type: 'api',
          url: server.url,
          caData: server.caData,
          tokenFile: mockDir.resolve('token'),
          skipTLSVerify: false,
        },
      }),
    );
    expect(await fromTokenFile.listNodes()).toHaveLength(3);

    const fromKubeconfig = createClusterClient({
      name: 'production',
      source: {
        type: 'kubeconfig',
        path: mockDir.resolve('kubeconfig'),
        context: 'lab',
      },
      requestTimeoutMs: 2000,
      pageSize: 100,
    });
    expect(await fromKubeconfig.listNodes()).toHaveLength(3);
  });
});

describe('other objects of a local HTTP server speaking the Kubernetes API with recorded objects', () => {
  const helmRelease = (namespace: string, name: string) => ({
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { namespace, name, generation: 3 },
    spec: {
      interval: '10m',
      chart: {
        spec: {
          chart: name,
          version: '6.7.0',
          sourceRef: { kind: 'HelmRepository', name },
        },
      },
    },
  });
  let server: KubernetesApiTestServer;
  beforeEach(async () => {
    server = await KubernetesApiTestServer.start({
      token: TOKEN,
      collections: {
        '/apis/helm.toolkit.fluxcd.io/v2/helmreleases': [
          helmRelease('podinfo', 'podinfo'),
          helmRelease('monitoring', 'kube-prometheus-stack'),
          helmRelease('traefik', 'traefik'),
        ],
      },
      documents: {
        '/apis': {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: [
            {
              name: 'helm.toolkit.fluxcd.io',
              versions: [
                { groupVersion: 'helm.toolkit.fluxcd.io/v2', version: 'v2' },
              ],
              preferredVersion: {
                groupVersion: 'helm.toolkit.fluxcd.io/v2',
                version: 'v2',
              },
            },
            {
              name: 'aquasecurity.github.io',
              versions: [
                {
                  groupVersion: 'aquasecurity.github.io/v1alpha1',
                  version: 'v1alpha1',
                },
              ],
              preferredVersion: {
                groupVersion: 'aquasecurity.github.io/v1alpha1',
                version: 'v1alpha1',
              },
            },
          ],
        },
        '/api/v1/namespaces/polaris/services/polaris-dashboard:80/proxy/results.json':
          '{"PolarisOutputVersion":"1.0"}',
      },
    });
  });
  afterEach(() => server.stop());

  const client = () =>
    createClusterClient({
      name: 'production',
      source: {
        type: 'api',
        url: server.url,
        caData: server.caData,
        token: TOKEN,
        skipTLSVerify: false,
      },
      requestTimeoutMs: 2000,
      pageSize: 2,
    });

  it('lists custom resources page by page', async () => {
    const releases = await client().list({
      group: 'helm.toolkit.fluxcd.io',
      version: 'v2',
      plural: 'helmreleases',
    });
    expect(releases.map(r => r.metadata?.name)).toEqual([
      'podinfo',
      'kube-prometheus-stack',
      'traefik',
    ]);
    expect(server.requests.map(r => r.query.limit)).toEqual(['2', '2']);
  });

  it('hands out one page at a time, so large lists are never held whole', async () => {
    const pages: string[][] = [];
    for await (const page of client().listPages({
      group: 'helm.toolkit.fluxcd.io',
      version: 'v2',
      plural: 'helmreleases',
    })) {
      pages.push(page.map(r => r.metadata?.name ?? ''));
      // The next page is asked for only when this one has been taken.
      expect(server.requests).toHaveLength(pages.length);
    }
    expect(pages).toEqual([['podinfo', 'kube-prometheus-stack'], ['traefik']]);
  });

  it('lets a page go before it reads the next, so that one page is alive at a time', async () => {
    const pages = client()
      .listPages({
        group: 'helm.toolkit.fluxcd.io',
        version: 'v2',
        plural: 'helmreleases',
      })
      [Symbol.asyncIterator]();
    let first: unknown[] | undefined = (await pages.next()).value;
    const firstPage = new WeakRef(first!);
    first = undefined;
    // The next page is still on its way while the collector runs.
    server.setDelay(1000);
    const second = pages.next();
    await new Promise(resolve => setTimeout(resolve, 200));
    const held = await heldAfterCollection(firstPage);
    expect((await second).value).toHaveLength(1);
    expect(held).toBe(false);
  });

  it('reads which versions each API group is served in', async () => {
    expect(await client().servedVersions()).toEqual(
      new Map([
        ['helm.toolkit.fluxcd.io', ['v2']],
        ['aquasecurity.github.io', ['v1alpha1']],
      ]),
    );
  });

  it('reads a service through the API server proxy', async () => {
    const text = await client().proxyGet({
      namespace: 'polaris',
      service: 'polaris-dashboard',
      port: 80,
      path: 'results.json',
    });
    expect(JSON.parse(text)).toEqual({ PolarisOutputVersion: '1.0' });
  });

  it('sends a JSON merge patch and returns the patched object', async () => {
    const type = {
      group: 'helm.toolkit.fluxcd.io',
      version: 'v2',
      plural: 'helmreleases',
    };
    const patched = await client().mergePatch<any>(type, 'podinfo', 'podinfo', {
      spec: { suspend: true },
    });
    expect(patched.spec).toMatchObject({ suspend: true, interval: '10m' });
    expect(server.requests.at(-1)).toMatchObject({
      method: 'PATCH',
      path: '/apis/helm.toolkit.fluxcd.io/v2/namespaces/podinfo/helmreleases/podinfo',
      contentType: 'application/merge-patch+json',
      body: { spec: { suspend: true } },
    });
    const [again] = await client().list<any>(type);
    expect(again.spec.suspend).toBe(true);
  });
});

describe('reading nodes from a recorded snapshot folder', () => {
  it('reads nodes.json as a live cluster would answer', async () => {
    const mockDir = createMockDirectory();
    mockDir.setContent({
      'nodes.json': JSON.stringify({ kind: 'NodeList', items: stagingNodes }),
    });
    const reader = createClusterClient({
      name: 'staging',
      source: { type: 'snapshot', directory: mockDir.path },
      requestTimeoutMs: 1000,
      pageSize: 10,
    });
    expect((await reader.listNodes()).map(node => node.metadata?.name)).toEqual(
      ['rpi-staging'],
    );
  });

  it('reads other resources, discovery and proxied answers as kubectl recorded them, and refuses changes', async () => {
    const mockDir = createMockDirectory();
    mockDir.setContent({
      'helmreleases.helm.toolkit.fluxcd.io.json': JSON.stringify({
        items: [{ metadata: { name: 'podinfo' } }],
      }),
      'apis.json': JSON.stringify({
        groups: [
          { name: 'helm.toolkit.fluxcd.io', versions: [{ version: 'v2' }] },
        ],
      }),
      'proxy/polaris/polaris-dashboard/results.json': '{"Score":80}',
    });
    const snapshot = createClusterClient({
      name: 'staging',
      source: { type: 'snapshot', directory: mockDir.path },
      requestTimeoutMs: 1000,
      pageSize: 10,
    });
    expect(snapshot.recorded).toBe(true);
    const type = {
      group: 'helm.toolkit.fluxcd.io',
      version: 'v2',
      plural: 'helmreleases',
    };
    expect((await snapshot.list(type)).map(o => o.metadata?.name)).toEqual([
      'podinfo',
    ]);
    // A resource the cluster did not have when recorded is an empty list.
    expect(
      await snapshot.list({
        group: 'wgpolicyk8s.io',
        version: 'v1alpha2',
        plural: 'policyreports',
      }),
    ).toEqual([]);
    expect(await snapshot.servedVersions()).toEqual(
      new Map([['helm.toolkit.fluxcd.io', ['v2']]]),
    );
    expect(
      await snapshot.proxyGet({
        namespace: 'polaris',
        service: 'polaris-dashboard',
        port: 80,
        path: 'results.json',
      }),
    ).toBe('{"Score":80}');
    // A service that was not recorded is missing, as it would be in the cluster.
    await expect(
      snapshot.proxyGet({
        namespace: 'kyverno',
        service: 'policy-reporter',
        path: 'api/v1/targets',
      }),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      snapshot.mergePatch(type, 'podinfo', 'podinfo', {
        spec: { suspend: true },
      }),
    ).rejects.toThrow(
      'cluster "staging" is a recorded snapshot and cannot be changed',
    );
  });

  it('replays a recording as if recorded now when told when it was recorded', async () => {
    const velero = {
      group: 'velero.io',
      version: 'v1',
      plural: 'backups',
    };
    const connection = (recordedAt?: Date): ClusterConnection => ({
      name: 'production',
      source: {
        type: 'snapshot',
        directory: path.resolve(
          __dirname,
          '../../../../examples/snapshots/production',
        ),
        ...(recordedAt ? { recordedAt } : {}),
      },
      requestTimeoutMs: 1000,
      pageSize: 10,
    });
    const recordedAt = new Date('2026-12-02T14:30:00Z');
    const as = await createClusterClient(connection()).list<any>(velero);
    const before = Date.now();
    const replayed = await createClusterClient(
      connection(recordedAt),
    ).list<any>(velero);
    const after = Date.now();

    expect(replayed.map(b => b.metadata.name)).toEqual(
      as.map(b => b.metadata.name),
    );
    const shifts = new Set(
      replayed.map(
        (backup, i) =>
          Date.parse(backup.status.completionTimestamp) -
          Date.parse(as[i].status.completionTimestamp),
      ),
    );
    // One shift for every object: the whole seconds since the recording.
    expect(shifts.size).toBe(1);
    const [shift] = shifts;
    expect(shift % 1000).toBe(0);
    expect(shift).toBeGreaterThan(before - recordedAt.getTime() - 1000);
    expect(shift).toBeLessThanOrEqual(after - recordedAt.getTime());
  });

  it('names the cluster and the file when the snapshot is missing', async () => {
    const reader = createClusterClient({
      name: 'staging',
      source: { type: 'snapshot', directory: '/nonexistent' },
      requestTimeoutMs: 1000,
      pageSize: 10,
    });
    await expect(reader.listNodes()).rejects.toThrow(
      /cluster "staging": snapshot \/nonexistent\/nodes.json cannot be read/,
    );
  });
});

describe('readClusterConnections', () => {
  it('reads each source kind with defaults', () => {
    const connections = readClusterConnections(
      new ConfigReader({
        homelab: {
          clusters: [
            {
              name: 'production',
              url: 'https://192.168.100.11:6443',
              token: TOKEN,
            },
            {
              name: 'staging',
              kubeconfig: { path: '/etc/kube/staging' },
              requestTimeoutMs: 5000,
            },
            {
              name: 'demo',
              snapshotDirectory: 'examples/snapshots/production',
              pageSize: 50,
            },
            {
              name: 'replayed',
              snapshotDirectory: 'examples/snapshots/staging',
              snapshotRecordedAt: '2026-12-02T14:30:00Z',
            },
          ],
        },
      }),
    );
    expect(connections).toEqual([
      {
        name: 'production',
        source: {
          type: 'api',
          url: 'https://192.168.100.11:6443',
          token: TOKEN,
          skipTLSVerify: false,
        },
        requestTimeoutMs: 10000,
        pageSize: 250,
      },
      {
        name: 'staging',
        source: { type: 'kubeconfig', path: '/etc/kube/staging' },
        requestTimeoutMs: 5000,
        pageSize: 250,
      },
      {
        name: 'demo',
        source: {
          type: 'snapshot',
          directory: 'examples/snapshots/production',
        },
        requestTimeoutMs: 10000,
        pageSize: 50,
      },
      {
        name: 'replayed',
        source: {
          type: 'snapshot',
          directory: 'examples/snapshots/staging',
          recordedAt: new Date('2026-12-02T14:30:00Z'),
        },
        requestTimeoutMs: 10000,
        pageSize: 250,
      },
    ]);
  });

  it('refuses a cluster with no source or two, and duplicates, naming the cluster only', () => {
    const read = (clusters: object[]) => () =>
      readClusterConnections(new ConfigReader({ homelab: { clusters } }));
    expect(read([{ name: 'a' }])).toThrow(
      'homelab.clusters "a" needs exactly one of url, kubeconfig or snapshotDirectory',
    );
    expect(
      read([
        { name: 'a', snapshotDirectory: 'y', snapshotRecordedAt: 'yesterday' },
      ]),
    ).toThrow(
      'homelab.clusters "a": snapshotRecordedAt is not a time (ISO 8601, like 2026-12-02T14:30:00Z)',
    );
    expect(
      read([
        { name: 'a', url: 'https://x', snapshotDirectory: 'y', token: TOKEN },
      ]),
    ).toThrow(/needs exactly one/);
    expect(
      read([
        { name: 'a', snapshotDirectory: 'x' },
        { name: 'a', snapshotDirectory: 'y' },
      ]),
    ).toThrow('homelab.clusters lists cluster "a" twice');
  });
});

describe('nodeFacts', () => {
  it('maps the node fields the catalog shows', () => {
    expect(
      nodeFacts(productionNodes[0], new Date('2026-11-22T10:41:00Z')),
    ).toEqual({
      observedAt: '2026-11-22T10:41:00.000Z',
      stale: false,
      kubeletVersion: 'v1.31.2',
      osImage: 'Talos (v1.8.3)',
      kernelVersion: '6.6.60-talos',
      containerRuntime: 'containerd://2.0.0',
      architecture: 'arm64',
      capacity: { cpu: '8', memory: '32597628Ki', pods: '110' },
      ready: 'True',
      internalIP: '192.168.100.11',
    });
  });

  it('reads a node without a Ready condition as Unknown, never as ready', () => {
    const node = {
      ...productionNodes[0],
      status: { ...productionNodes[0].status, conditions: [] },
    };
    expect(nodeFacts(node, new Date()).ready).toBe('Unknown');
  });
});
