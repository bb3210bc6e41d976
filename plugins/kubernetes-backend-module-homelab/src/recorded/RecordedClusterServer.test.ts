import { ConfigReader } from '@backstage/config';
import {
  createClusterClient,
  readClusterConnections,
} from '@homelab/plugin-homelab-node';
import path from 'node:path';
import { RecordedClusterServer } from './RecordedClusterServer';

const SNAPSHOTS = path.resolve(__dirname, '../../../../examples/snapshots');

describe('RecordedClusterServer', () => {
  let server: RecordedClusterServer;

  beforeAll(async () => {
    const connections = readClusterConnections(
      new ConfigReader({
        homelab: {
          clusters: ['production', 'staging'].map(name => ({
            name,
            snapshotDirectory: path.join(SNAPSHOTS, name),
          })),
        },
      }),
    );
    server = await RecordedClusterServer.start(
      connections.map(createClusterClient),
    );
  });

  afterAll(() => server.stop());

  const get = async (
    cluster: string,
    route: string,
    init: RequestInit = {},
    token = server.token,
  ) => {
    const response = await fetch(`${server.urlOf(cluster)}${route}`, {
      ...init,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: await response.json() };
  };
  const names = (body: any) =>
    body.items.map((item: any) => item.metadata.name).sort();

  it('lists a kind cluster-wide as an API server does, named after its items', async () => {
    const { status, body } = await get(
      'production',
      '/apis/apps/v1/deployments',
    );

    expect(status).toBe(200);
    expect(body.kind).toBe('DeploymentList');
    expect(body.items.length).toBeGreaterThan(3);
    expect(body.items.every((d: any) => d.kind === 'Deployment')).toBe(true);
  });

  it('keeps each cluster apart under its own path', async () => {
    const production = await get('production', '/api/v1/pods');
    const staging = await get('staging', '/api/v1/pods');

    expect(names(production.body)).toContain('nextcloud-z2bfdzmc84-zm7dx');
    expect(names(production.body)).not.toContain('nextcloud-tlk2d9qrfc-xpw4z');
    expect(names(staging.body)).toContain('nextcloud-tlk2d9qrfc-xpw4z');
  });

  it('filters by namespace and by label selector', async () => {
    const { body } = await get(
      'production',
      '/api/v1/namespaces/nextcloud/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dnextcloud',
    );

    expect(names(body)).toEqual([
      'nextcloud-postgresql-0',
      'nextcloud-z2bfdzmc84-zm7dx',
    ]);
    const elsewhere = await get(
      'production',
      '/api/v1/namespaces/kube-system/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dnextcloud',
    );
    expect(elsewhere.body.items).toEqual([]);
  });

  it('pages with limit and continue, every item once', async () => {
    const all = names((await get('production', '/api/v1/pods')).body);
    const seen: string[] = [];
    const remaining: number[] = [];
    let next = '';
    let pages = 0;
    do {
      const { body } = await get(
        'production',
        `/api/v1/pods?limit=2${next ? `&continue=${next}` : ''}`,
      );
      seen.push(...body.items.map((item: any) => item.metadata.name));
      next = body.metadata.continue ?? '';
      remaining.push(body.metadata.remainingItemCount ?? 0);
      pages++;
    } while (next);

    expect(seen.sort()).toEqual(all);
    // Each page says how many follow it, as the API server does.
    expect(remaining).toEqual(
      remaining.map((_, page) => Math.max(all.length - 2 * (page + 1), 0)),
    );
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('answers only GET, only with its token, only for what it holds, in Status objects', async () => {
    const anonymous = await get('production', '/api/v1/pods', {}, 'guess');
    expect(anonymous).toEqual({
      status: 401,
      body: expect.objectContaining({ kind: 'Status', reason: 'Unauthorized' }),
    });

    const deletion = await get(
      'production',
      '/api/v1/namespaces/nextcloud/pods/x',
      {
        method: 'DELETE',
      },
    );
    expect(deletion.status).toBe(405);
    expect(deletion.body.message).toBe(
      'this cluster is a recorded snapshot: it can be read, not changed',
    );

    expect((await get('homelab', '/api/v1/pods')).status).toBe(404);
    expect((await get('production', '/version')).status).toBe(404);

    // A path that cannot be decoded is refused, not a crash of the backend.
    const undecodable = await fetch(
      server
        .urlOf('production')
        .replace('/clusters/production', '/clusters/%E0%A4%A/api/v1/pods'),
      { headers: { authorization: `Bearer ${server.token}` } },
    );
    expect(undecodable.status).toBe(400);
    expect((await get('production', '/api/v1/pods')).status).toBe(200);

    const badSelector = await get(
      'production',
      '/api/v1/pods?labelSelector=a%20b',
    );
    expect(badSelector.status).toBe(400);
    expect(badSelector.body.message).toBe('unable to parse requirement: "a b"');
  });
});
