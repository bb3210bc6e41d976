import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import { AddressInfo } from 'node:net';
import techInsightsModuleHomelab from './index';

describe('techInsightsModuleHomelab', () => {
  it("gives tech-insights the homelab checks, which know nothing before a retriever's first run", async () => {
    const backend = await startTestBackend({
      features: [
        techInsightsPlugin,
        techInsightsModuleHomelab,
        mockServices.rootConfig.factory({
          data: {
            techInsights: {
              factRetrievers: {
                homelabSloFactRetriever: { cadence: '0 * * * *' },
              },
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    const call = async (path: string, body?: object) => {
      const response = await fetch(
        `http://localhost:${port}/api/tech-insights${path}`,
        {
          method: body ? 'POST' : 'GET',
          headers: {
            authorization: mockCredentials.user.header(),
            'content-type': 'application/json',
          },
          body: body && JSON.stringify(body),
        },
      );
      expect(response.status).toBe(200);
      return response.json();
    };
    try {
      const checks = await call('/checks');
      expect(checks.map((check: any) => check.id)).toEqual([
        'homelabSloDefined',
        'homelabBackupsWithinRpo',
        'homelabNoCriticalVulnerabilities',
        'homelabFluxReady',
        'homelabCertificatesValid',
        'homelabInventoryValid',
      ]);
      const run = await call('/checks/run/default/component/nextcloud', {
        checks: ['homelabSloDefined'],
      });
      expect(run).toEqual([
        expect.objectContaining({
          result: null,
          reason: 'no facts retrieved yet (homelabSloFactRetriever)',
        }),
      ]);
      // Only retrievers with a cadence are registered, so only that schema.
      const schemas = await call('/fact-schemas');
      expect(schemas.map((schema: any) => schema.id)).toEqual([
        'homelabSloFactRetriever',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
