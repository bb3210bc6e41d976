import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  ClusterClient,
  homelabClusterClientsServiceRef,
} from '@homelab/plugin-homelab-node';
import path from 'node:path';
import request from 'supertest';
import { catalogModuleHomelab } from './module';

jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../..');

async function startPortalBackend(
  extraFeatures: Parameters<typeof startTestBackend>[0]['features'] = [],
) {
  return startTestBackend({
    features: [
      ...extraFeatures,
      catalogPlugin,
      catalogModuleHomelab,
      // The real scheduler, which runs the module's refresh task as in a portal.
      schedulerServiceFactory,
      // Requests without a token are anonymous, as in a portal.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          homelab: {
            inventory: {
              locations: [
                {
                  name: 'hallonen',
                  target: path.join(repoRoot, 'examples/homelab'),
                },
              ],
              schedule: {
                frequency: { minutes: 10 },
                timeout: { minutes: 1 },
                initialDelay: { seconds: 0 },
              },
            },
          },
        },
      }),
    ],
  });
}

async function poll<T>(read: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('the homelab catalog module as installed in a backend', () => {
  it('ingests the configured inventory on its schedule', async () => {
    const backend = await startPortalBackend();
    try {
      const status = await poll(async () => {
        const response = await request(backend.server)
          .get('/api/catalog/homelab/inventory/status')
          .set('Authorization', mockCredentials.user.header());
        return response.body.items?.[0]?.state
          ? response.body.items[0]
          : undefined;
      });
      expect(status).toMatchObject({
        provider: 'homelab-inventory:hallonen',
        state: 'valid',
        entityCount: 73,
      });
    } finally {
      await backend.stop();
    }
  });

  it("reads live nodes through homelab-node's shared cluster-clients service, which a backend can replace", async () => {
    const staging = {
      cluster: 'staging',
      listNodes: async () => [
        {
          metadata: { name: 'rpi-staging' },
          status: {
            nodeInfo: { kubeletVersion: 'v1.31.4+k3s1' },
            conditions: [{ type: 'Ready', status: 'True' }],
          },
        },
      ],
    } as unknown as ClusterClient;
    const clusterClients = createServiceFactory({
      service: homelabClusterClientsServiceRef,
      deps: {},
      factory: () => ({
        list: () => [staging],
        get: (cluster: string) => (cluster === 'staging' ? staging : undefined),
      }),
    });
    const backend = await startPortalBackend([clusterClients]);
    try {
      const status = await poll(async () => {
        const response = await request(backend.server)
          .get('/api/catalog/homelab/inventory/status/hallonen')
          .set('Authorization', mockCredentials.user.header());
        return response.body.state ? response.body : undefined;
      });
      expect(
        status.clusters.map((c: any) => [c.cluster, c.state, c.nodes]),
      ).toEqual([
        ['production', 'not-configured', {}],
        [
          'staging',
          'ok',
          {
            'rpi-staging': expect.objectContaining({
              kubeletVersion: 'v1.31.4+k3s1',
              ready: 'True',
            }),
          },
        ],
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('serves inventory status only to signed-in callers, and 404 for unknown inventories', async () => {
    const backend = await startPortalBackend();
    try {
      await request(backend.server)
        .get('/api/catalog/homelab/inventory/status')
        .expect(401);
      const missing = await request(backend.server)
        .get('/api/catalog/homelab/inventory/status/nowhere')
        .set('Authorization', mockCredentials.user.header());
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe(
        'no homelab inventory named "nowhere"',
      );
    } finally {
      await backend.stop();
    }
  });
});
