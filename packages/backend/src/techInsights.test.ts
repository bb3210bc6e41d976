import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import homelabCatalogModule from '@homelab/plugin-catalog-backend-module-homelab';
import homelabPlugin from '@homelab/plugin-homelab-backend';
import techInsightsHomelabModule from '@homelab/plugin-tech-insights-backend-module-homelab';
import request from 'supertest';
import { pluginSchedulers } from './__testUtils__/pluginSchedulers';
import { portalConfig } from './__testUtils__/portalConfig';
import { portalPolicyPermissions } from './__testUtils__/portalPolicyPermissions';
import { runCollections } from './__testUtils__/runCollections';
import { waitForEntity } from './__testUtils__/waitForEntity';

jest.setTimeout(180_000);

const USER = 'user:default/guest';

/**
 * The homelab scorecard as the portal serves it: tech-insights with the
 * homelab module, its retrievers reading the homelab plugin's real REST API
 * and the homelab catalog module's inventory status over HTTP as a service,
 * on the example homelab (the inventory in the catalog, the recorded cluster
 * snapshots collected), with the cadences of the portal's app-config.yaml.
 */
describe('the homelab scorecard through tech-insights', () => {
  let server: any;
  let stopBackend: () => Promise<void>;
  const { schedulers, grab: grabScheduler } = pluginSchedulers();

  beforeAll(async () => {
    const config = await portalConfig();
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        homelabCatalogModule,
        homelabPlugin,
        techInsightsPlugin,
        techInsightsHomelabModule,
        // The portal's policy, decided in-process (see portalPolicyPermissions).
        portalPolicyPermissions,
        mockServices.userInfo.factory(),
        mockServices.rootConfig.factory({ data: config }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        grabScheduler('catalog'),
        grabScheduler('homelab'),
        grabScheduler('tech-insights'),
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();
    await schedulers.catalog.triggerTask('homelab-inventory:hallonen:refresh');
    await waitForEntity(server, 'resource/default/rk1-1', USER);
    await waitForEntity(server, 'component/default/nextcloud', USER);
    await runCollections(
      server,
      schedulers.homelab,
      ['workloads', 'flux', 'security', 'slo', 'backups', 'certificates'],
      USER,
    );
    for (const id of Object.keys(config.techInsights.factRetrievers)) {
      await schedulers['tech-insights'].triggerTask(id);
    }
  });

  afterAll(() => stopBackend?.());

  const runChecks = (name: string) =>
    request(server)
      .post(`/api/tech-insights/checks/run/default/component/${name}`)
      .set('Authorization', mockCredentials.user.header(USER))
      .send({})
      .expect(200);

  it('lists the six homelab checks', async () => {
    const { body } = await request(server)
      .get('/api/tech-insights/checks')
      .set('Authorization', mockCredentials.user.header(USER))
      .expect(200);
    expect(body.map((check: any) => check.name)).toEqual([
      'SLO defined',
      'Backups within RPO',
      'No critical vulnerabilities',
      'Flux Ready',
      'Certificates valid > 14 days',
      'Inventory valid',
    ]);
  });

  const verdicts = async (app: string) =>
    Object.fromEntries(
      (await runChecks(app)).body.map((result: any) => [
        result.check.id,
        [result.result, result.reason],
      ]),
    );

  it('fails Vaultwarden where the example homelab is failing it', async () => {
    expect(await verdicts('vaultwarden')).toEqual({
      homelabSloDefined: [true, 'SLOs: Vaultwarden availability'],
      // The recorded hourly Velero backup of production ended Failed.
      homelabBackupsWithinRpo: [
        false,
        expect.stringMatching(
          /^production\/velero\/velero\/hourly-vaultwarden: The last backup, hourly-vaultwarden-\d+, ended Failed/,
        ),
      ],
      homelabNoCriticalVulnerabilities: [
        false,
        '4 critical in production, staging',
      ],
      homelabFluxReady: [
        false,
        'staging: HelmRelease flux-system/vaultwarden is False (UpgradeFailed)',
      ],
      homelabCertificatesValid: [
        false,
        expect.stringMatching(
          /^expires soon: production\/vaultwarden\/vaultwarden-tls in \d+ days$/,
        ),
      ],
      homelabInventoryValid: [true, expect.stringMatching(/^hallonen: valid/)],
    });
  });

  it('says when the data each check judged was collected, and when its facts were read', async () => {
    const { body } = await runChecks('vaultwarden');
    for (const result of body) {
      expect(Date.parse(result.collectedAt)).toBeLessThanOrEqual(
        Date.parse(result.retrievedAt),
      );
    }
  });

  it('passes Home Assistant, and does not know of certificates it has none of', async () => {
    expect(await verdicts('home-assistant')).toEqual({
      homelabSloDefined: [true, 'SLOs: Home Assistant availability'],
      homelabBackupsWithinRpo: [true, '3 backed up within objective'],
      homelabNoCriticalVulnerabilities: [
        true,
        'none critical in production, staging (2 high)',
      ],
      homelabFluxReady: [
        true,
        '2 Ready; suspended: staging: HelmRelease flux-system/home-assistant',
      ],
      homelabCertificatesValid: [
        null,
        'no cert-manager Certificate belongs to it',
      ],
      homelabInventoryValid: [true, expect.stringMatching(/^hallonen: valid/)],
    });
  });

  it('knows nothing of an entity no retriever scores', async () => {
    const { body } = await request(server)
      .post('/api/tech-insights/checks/run/default/resource/rk1-1')
      .set('Authorization', mockCredentials.user.header(USER))
      .send({})
      .expect(200);
    expect(body.map((result: any) => result.result)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
