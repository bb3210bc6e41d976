import {
  FactRetriever,
  FactRetrieverContext,
} from '@backstage-community/plugin-tech-insights-node';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  exampleAnswers,
  startRecordedHomelab,
} from '../__testUtils__/recordedHomelab';
import { HomelabSources } from '../sources/HomelabSources';
import { backupFactRetriever } from './backupFactRetriever';
import { certificateFactRetriever } from './certificateFactRetriever';
import { fluxFactRetriever } from './fluxFactRetriever';
import { inventoryFactRetriever } from './inventoryFactRetriever';
import { sloFactRetriever } from './sloFactRetriever';
import { vulnerabilityFactRetriever } from './vulnerabilityFactRetriever';

/** Each scored entity's facts from one run of the retriever, by name. */
async function factsByName(
  create: (sources: HomelabSources) => FactRetriever,
  options: Parameters<typeof startRecordedHomelab>[0] = {},
) {
  const homelab = await startRecordedHomelab(options);
  try {
    // The homelab retrievers read through their own sources, not the context.
    const facts = await create(homelab.sources).handler(
      {} as FactRetrieverContext,
    );
    return {
      facts: Object.fromEntries(facts.map(f => [f.entity.name, f.facts])),
      requests: homelab.requests,
    };
  } finally {
    await homelab.close();
  }
}

describe('the homelab fact retrievers on the example homelab', () => {
  it('score the apps and platform services, asking as this backend', async () => {
    const { facts, requests } = await factsByName(sloFactRetriever);
    expect(Object.keys(facts)).toHaveLength(25);
    expect(facts).toMatchObject({
      nextcloud: { sloCount: 1, slos: ['Nextcloud availability'] },
      // A Sloth PrometheusServiceLevel in production's snapshot.
      'production-traefik': { sloCount: 1, slos: ['requests-availability'] },
      'production-longhorn': { sloCount: 0, slos: [] },
    });
    expect(facts['homelab-platform']).toBeUndefined();
    expect(requests).toEqual([
      {
        path: '/api/homelab/slos',
        authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:test'),
          targetPluginId: 'homelab',
        }),
      },
    ]);
  });

  // The example was collected at 14:27 UTC when its answers were recorded.
  const RECORDED = expect.stringMatching(/^2026-12-02T14:27:\d\d\.\d{3}Z$/);

  it("read each app's facts, as of their oldest collection", async () => {
    const vaultwarden = async (create: Parameters<typeof factsByName>[0]) =>
      (await factsByName(create)).facts.vaultwarden;
    expect(await vaultwarden(vulnerabilityFactRetriever)).toEqual({
      criticalVulnerabilities: 4,
      highVulnerabilities: expect.any(Number),
      clusters: ['production', 'staging'],
      collectedAt: RECORDED,
    });
    expect(await vaultwarden(fluxFactRetriever)).toEqual({
      fluxObjects: 2,
      notReady: [
        'staging: HelmRelease flux-system/vaultwarden is False (UpgradeFailed)',
      ],
      suspended: [],
      collectedAt: RECORDED,
    });
    expect(await vaultwarden(backupFactRetriever)).toEqual({
      backupSets: expect.any(Number),
      notOk: [
        expect.stringMatching(
          /^production\/velero\/velero\/hourly-vaultwarden: The last backup/,
        ),
      ],
      collectedAt: RECORDED,
    });
    expect(await vaultwarden(certificateFactRetriever)).toEqual({
      certificates: expect.any(Number),
      minDaysToExpiry: expect.any(Number),
      soonest: 'production/vaultwarden/vaultwarden-tls',
      notValid: [],
      collectedAt: RECORDED,
    });
    expect(await vaultwarden(inventoryFactRetriever)).toEqual({
      inventories: ['hallonen: valid'],
      invalidInventories: 0,
      inventoryErrors: 0,
      collectedAt: RECORDED,
    });
  });

  it('ask the homelab catalog module for the inventory status as this backend', async () => {
    const { requests } = await factsByName(inventoryFactRetriever);
    expect(requests).toEqual([
      {
        path: '/api/catalog/homelab/inventory/status',
        authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:test'),
          targetPluginId: 'catalog',
        }),
      },
    ]);
  });

  it('make every fact unknown, with the error, when the source does not answer', async () => {
    const { facts } = await factsByName(fluxFactRetriever, {
      failing: ['/api/homelab/flux'],
    });
    expect(new Set(Object.values(facts).map(f => f.unknownReason))).toEqual(
      new Set([
        'Homelab Flux objects could not be read: Request failed with 503 Service Unavailable',
      ]),
    );
  });

  it("make an app's facts unknown when a cluster it runs in is stale", async () => {
    const answers = exampleAnswers();
    const security = answers['/api/homelab/posture/summaries?scope=entity'];
    const staging = security.freshness.find(
      (f: any) => f.cluster === 'staging',
    );
    Object.assign(staging, { state: 'stale', error: 'connect ECONNREFUSED' });
    const { facts } = await factsByName(vulnerabilityFactRetriever, {
      answers,
    });
    expect(facts.vaultwarden).toEqual({
      unknownReason: `security in staging is stale (data from ${staging.collectedAt}; connect ECONNREFUSED)`,
    });
  });

  it('say when nothing covers an entity, never zero', async () => {
    const { facts } = await factsByName(vulnerabilityFactRetriever);
    expect(facts['homelab-platform']).toBeUndefined();
    const uncovered = Object.values(facts).filter(f => f.unknownReason);
    expect(uncovered.length).toBeGreaterThan(0);
    expect(uncovered[0]).toEqual({
      unknownReason: 'no security report covers its workloads',
    });
  });

  it('make backups unknown, not missing, while a cluster has not been collected', async () => {
    const answers = exampleAnswers();
    const backups = answers['/api/homelab/backups?offset=0&limit=500'];
    backups.items = [];
    backups.totalCount = 0;
    backups.freshness[1] = {
      source: 'backups',
      cluster: 'staging',
      state: 'never-collected',
    };
    const { facts } = await factsByName(backupFactRetriever, { answers });
    expect(facts.nextcloud).toEqual({
      unknownReason: 'backups in staging has not been collected yet',
    });
  });
});
