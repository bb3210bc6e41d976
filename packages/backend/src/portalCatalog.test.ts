import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { portalConfig } from './__testUtils__/portalConfig';

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
            data: { catalog: (await portalConfig()).catalog },
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
