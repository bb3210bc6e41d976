import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import path from 'node:path';
import {
  HomelabClusterClientsService,
  homelabClusterClientsServiceRef,
} from './clusterClientsService';

const snapshots = path.resolve(__dirname, '../../test-fixtures/kubernetes');

/** A plugin that hands out the cluster clients service it was given. */
function probe(pluginId: string, seen: HomelabClusterClientsService[]) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { clusterClients: homelabClusterClientsServiceRef },
        async init({ clusterClients }) {
          seen.push(clusterClients);
        },
      });
    },
  });
}

describe('the cluster clients service', () => {
  it('builds one client per cluster of homelab.clusters, once, for every plugin', async () => {
    const seen: HomelabClusterClientsService[] = [];
    const backend = await startTestBackend({
      features: [
        probe('catalog', seen),
        probe('homelab', seen),
        mockServices.rootConfig.factory({
          data: {
            homelab: {
              clusters: [
                { name: 'production', url: 'https://192.168.100.11:6443' },
                { name: 'lab', snapshotDirectory: snapshots },
              ],
            },
          },
        }),
      ],
    });
    try {
      const [catalog, homelab] = seen;
      expect(catalog.list().map(client => client.cluster)).toEqual([
        'production',
        'lab',
      ]);
      expect(catalog.get('lab')?.recorded).toBe(true);
      expect(catalog.get('production')?.recorded).toBe(false);
      expect(catalog.get('staging')).toBeUndefined();
      // Root-scoped: both plugins share the same clients.
      expect(homelab.get('production')).toBe(catalog.get('production'));
    } finally {
      await backend.stop();
    }
  });
});
