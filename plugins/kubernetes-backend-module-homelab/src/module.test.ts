import { Entity } from '@backstage/catalog-model';
import {
  KubernetesApiTestServer,
  snapshotServerOptions,
} from '@homelab/plugin-homelab-node/testUtils';
import path from 'node:path';
import { startRealNodeBackend } from './__testUtils__/startRealNodeBackend';

jest.setTimeout(180_000);

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const SNAPSHOTS = path.join(EXAMPLES, 'snapshots');

const nextcloud: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'nextcloud',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'nextcloud' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'homelab-admins' },
};

/** Polls until `check` holds, for at most a minute. */
async function eventually(check: () => Promise<boolean>) {
  for (const started = Date.now(); Date.now() - started < 60_000; ) {
    if (await check()) return;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error('timed out waiting');
}

const podNames = (cluster: any) =>
  cluster.resources
    .find((r: any) => r.type === 'pods')
    .resources.map((pod: any) => pod.metadata.name)
    .sort();

describe("the homelab clusters in the Kubernetes plugin's real backend", () => {
  let live: KubernetesApiTestServer;
  let backend: Awaited<ReturnType<typeof startRealNodeBackend>>;

  beforeAll(async () => {
    // A cluster reached by address and service account token, as a homelab
    // API server on its LAN is: the stand-in listens on 127.0.0.1 and serves
    // the objects recorded from the example's staging cluster.
    live = await KubernetesApiTestServer.start({
      ...snapshotServerOptions(path.join(SNAPSHOTS, 'staging')),
      token: 'staging-reader-token',
    });
    backend = await startRealNodeBackend({
      catalog: {
        rules: [{ allow: ['Component'] }],
        locations: [
          {
            type: 'file',
            target: path.join(EXAMPLES, 'apps/catalog-info.yaml'),
          },
        ],
      },
      kubernetes: { serviceLocatorMethod: { type: 'multiTenant' } },
      homelab: {
        clusters: [
          {
            name: 'staging',
            url: live.url,
            caData: live.caData,
            token: 'staging-reader-token',
          },
          {
            name: 'production',
            snapshotDirectory: path.join(SNAPSHOTS, 'production'),
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await live?.stop();
  });

  it('lists both clusters to the browser as signed in on the backend, with no token in sight', async () => {
    const response = await backend.fetch('/api/kubernetes/clusters');
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(JSON.parse(body).items).toEqual([
      expect.objectContaining({
        name: 'staging',
        authProvider: 'serviceAccount',
      }),
      expect.objectContaining({
        name: 'production',
        title: 'production (recorded snapshot, read-only)',
        authProvider: 'serviceAccount',
      }),
    ]);
    expect(body).not.toMatch(/staging-reader-token|Bearer/);
    expect(backend.log()).not.toMatch(/staging-reader-token/);
  });

  it("serves an entity's pods from the token-authenticated cluster and the recorded one", async () => {
    // The Kubernetes plugin serves only entities the catalog has.
    await eventually(
      async () =>
        (
          await backend.fetch(
            '/api/catalog/entities/by-name/component/default/nextcloud',
          )
        ).ok,
    );
    const response = await backend.fetch('/api/kubernetes/services/nextcloud', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entity: nextcloud }),
    });

    expect(response.status).toBe(200);
    const byName = Object.fromEntries(
      (await response.json()).items.map((item: any) => [
        item.cluster.name,
        item,
      ]),
    );
    expect(Object.keys(byName).sort()).toEqual(['production', 'staging']);

    // The recorded cluster: only what carries nextcloud's label, read-only.
    expect(byName.production.errors).toEqual([]);
    expect(podNames(byName.production)).toEqual([
      'nextcloud-postgresql-0',
      'nextcloud-z2bfdzmc84-zm7dx',
    ]);

    // The live cluster was asked with the token and nextcloud's selector
    // (the stand-in does not filter: it answers what it holds).
    const podRequests = live.requests.filter(r => r.path === '/api/v1/pods');
    expect(podRequests).toEqual([
      expect.objectContaining({
        authorized: true,
        query: { labelSelector: 'backstage.io/kubernetes-id=nextcloud' },
      }),
    ]);
    expect(podNames(byName.staging)).toContain('nextcloud-tlk2d9qrfc-xpw4z');
  });
});
