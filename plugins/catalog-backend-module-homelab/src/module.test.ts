import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { loadConfig } from '@backstage/config-loader';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  ClusterClient,
  homelabClusterClientsServiceRef,
} from '@homelab/plugin-homelab-node';
import path from 'node:path';
import request from 'supertest';
import { catalogModuleHomelab } from './module';

jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../..');

/** The kubernetes section of the portal's own app-config.yaml. */
async function exampleKubernetesConfig() {
  const { appConfigs } = await loadConfig({
    configRoot: repoRoot,
    configTargets: [{ path: path.join(repoRoot, 'app-config.yaml') }],
  });
  return ConfigReader.fromConfigs(appConfigs)
    .getConfig('kubernetes')
    .get<any>();
}

async function startPortalBackend(
  kubernetes: object,
  extraFeatures: Parameters<typeof startTestBackend>[0]['features'] = [],
) {
  return startTestBackend({
    features: [
      ...extraFeatures,
      catalogPlugin,
      catalogModuleHomelab,
      kubernetesPlugin,
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
          kubernetes,
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

const clusterNames = async (server: any) => {
  const response = await request(server)
    .get('/api/kubernetes/clusters')
    .set('Authorization', mockCredentials.user.header());
  return (response.body.items as Array<{ name: string }>)
    .map(cluster => cluster.name)
    .sort();
};

describe('the homelab catalog module as installed in a backend', () => {
  it('ingests the configured inventory on its schedule, and the Kubernetes plugin finds its clusters with the example app-config', async () => {
    const backend = await startPortalBackend(await exampleKubernetesConfig());
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
        entityCount: 66,
      });

      expect(
        await poll(async () => {
          const names = await clusterNames(backend.server);
          return names.length === 2 ? names : undefined;
        }),
      ).toEqual(['production', 'staging']);
    } finally {
      await backend.stop();
    }
  });

  it('shows why the config matters: without dangerouslyAllowClusterUrls the private API servers are refused', async () => {
    const kubernetes = await exampleKubernetesConfig();
    const { dangerouslyAllowClusterUrls, ...catalogLocator } =
      kubernetes.clusterLocatorMethods[0];
    expect(dangerouslyAllowClusterUrls).toEqual([
      '192.168.100.10',
      '192.168.100.11',
    ]);
    const backend = await startPortalBackend({
      ...kubernetes,
      clusterLocatorMethods: [catalogLocator],
    });
    try {
      // Both cluster entities are in the catalog with their annotations...
      await poll(async () => {
        const response = await request(backend.server)
          .get(
            '/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-cluster,metadata.annotations.kubernetes.io/api-server',
          )
          .set('Authorization', mockCredentials.user.header());
        return response.body.items?.length === 2 ? true : undefined;
      });
      // ...and the locator refuses them for their private addresses.
      expect(await clusterNames(backend.server)).toEqual([]);
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
    const backend = await startPortalBackend(await exampleKubernetesConfig(), [
      clusterClients,
    ]);
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
    const backend = await startPortalBackend(await exampleKubernetesConfig());
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
