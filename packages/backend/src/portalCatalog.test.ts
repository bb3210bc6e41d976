import { ConfigReader } from '@backstage/config';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { loadConfig } from '@backstage/config-loader';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import path from 'node:path';
import request from 'supertest';

const repoRoot = path.resolve(__dirname, '../../..');
const backendDir = path.resolve(__dirname, '..');

/**
 * The catalog section of the portal's own app-config.yaml, with its file
 * targets made absolute the way the backend resolves them: relative to
 * packages/backend, where `npm start` runs it.
 */
async function portalCatalogConfig() {
  const { appConfigs } = await loadConfig({
    configRoot: repoRoot,
    configTargets: [{ path: path.join(repoRoot, 'app-config.yaml') }],
  });
  const catalog = ConfigReader.fromConfigs(appConfigs)
    .getConfig('catalog')
    .get<{ locations: { type: string; target: string }[] }>();
  return {
    ...catalog,
    locations: catalog.locations.map(location => ({
      ...location,
      target: path.resolve(backendDir, location.target),
    })),
  };
}

async function waitForEntity(server: any, entityPath: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await request(server)
      .get(`/api/catalog/entities/by-name/${entityPath}`)
      .set('Authorization', mockCredentials.user.header());
    if (response.status === 200) return response.body;
    if (Date.now() > deadline) {
      throw new Error(`${entityPath} was not ingested: ${response.status}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('the portal catalog configuration', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'ingests this repository and its owners from app-config.yaml on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: { catalog: await portalCatalogConfig() },
          }),
        ],
      });
      try {
        const component = await waitForEntity(
          backend.server,
          'component/default/homelab-platform',
        );
        expect(component.metadata.annotations).toMatchObject({
          'backstage.io/techdocs-ref': 'dir:.',
        });
        expect(component.relations).toContainEqual({
          type: 'ownedBy',
          targetRef: 'group:default/homelab-admins',
        });

        const guest = await waitForEntity(backend.server, 'user/default/guest');
        expect(guest.relations).toContainEqual({
          type: 'memberOf',
          targetRef: 'group:default/homelab-admins',
        });
      } finally {
        await backend.stop();
      }
    },
    60_000,
  );
});
