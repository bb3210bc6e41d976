import {
  FlatTechInsightFact,
  TechInsightsStore,
} from '@backstage-community/plugin-tech-insights-node';
import { DateTime } from 'luxon';
import { HomelabFactChecker } from './HomelabFactChecker';

const NEXTCLOUD = 'component:default/nextcloud';
const RETRIEVED = DateTime.fromISO('2026-12-02T10:00:00.000Z', {
  zone: 'utc',
});

/** A store holding the given facts (by retriever id) for Nextcloud. */
function storeWith(facts: Record<string, Record<string, unknown>>) {
  const rows: Record<string, FlatTechInsightFact> = Object.fromEntries(
    Object.entries(facts).map(([id, values]) => [
      id,
      {
        id,
        entity: { namespace: 'default', kind: 'component', name: 'nextcloud' },
        timestamp: RETRIEVED,
        facts: values as FlatTechInsightFact['facts'],
      },
    ]),
  );
  const asked: Array<[string[], string]> = [];
  const store = {
    getLatestFactsByIds: async (ids: string[], entity: string) => {
      asked.push([ids, entity]);
      return entity === NEXTCLOUD
        ? Object.fromEntries(
            ids.filter(id => rows[id]).map(id => [id, rows[id]]),
          )
        : {};
    },
  } as Partial<TechInsightsStore> as TechInsightsStore;
  return { checker: new HomelabFactChecker(store), asked };
}

const verdicts = async (
  facts: Record<string, Record<string, unknown>>,
  entity = NEXTCLOUD,
) =>
  Object.fromEntries(
    (await storeWith(facts).checker.runChecks(entity)).map(r => [
      r.check.id,
      [r.result, r.reason],
    ]),
  );

describe('HomelabFactChecker', () => {
  it('passes each check on facts that satisfy it', async () => {
    expect(
      await verdicts({
        homelabSloFactRetriever: {
          sloCount: 2,
          slos: ['Availability', 'Latency'],
        },
        homelabBackupFactRetriever: { backupSets: 2, notOk: [] },
        homelabVulnerabilityFactRetriever: {
          criticalVulnerabilities: 0,
          highVulnerabilities: 3,
          clusters: ['production', 'staging'],
        },
        homelabFluxFactRetriever: {
          fluxObjects: 2,
          notReady: [],
          suspended: [],
        },
        homelabCertificateFactRetriever: {
          certificates: 1,
          minDaysToExpiry: 61.5,
          soonest: 'production/nextcloud/nextcloud-tls',
          notValid: [],
        },
        homelabInventoryFactRetriever: {
          inventories: ['hallonen: valid'],
          invalidInventories: 0,
          inventoryErrors: 0,
        },
      }),
    ).toEqual({
      homelabSloDefined: [true, 'SLOs: Availability, Latency'],
      homelabBackupsWithinRpo: [true, '2 backed up within objective'],
      homelabNoCriticalVulnerabilities: [
        true,
        'none critical in production, staging (3 high)',
      ],
      homelabFluxReady: [true, '2 Ready'],
      homelabCertificatesValid: [
        true,
        '1 valid; soonest production/nextcloud/nextcloud-tls in 61 days',
      ],
      homelabInventoryValid: [true, 'hallonen: valid'],
    });
  });

  it('fails each check on facts that break it, saying why', async () => {
    expect(
      await verdicts({
        homelabSloFactRetriever: { sloCount: 0, slos: [] },
        homelabBackupFactRetriever: {
          backupSets: 1,
          notOk: [
            'production/velero/velero/daily: last success 3 days ago, RPO 24h',
          ],
        },
        homelabVulnerabilityFactRetriever: {
          criticalVulnerabilities: 4,
          highVulnerabilities: 9,
          clusters: ['production'],
        },
        homelabFluxFactRetriever: {
          fluxObjects: 2,
          notReady: [
            'staging: HelmRelease nextcloud/nextcloud is False (UpgradeFailed)',
          ],
          suspended: ['production: HelmRelease nextcloud/nextcloud'],
        },
        homelabCertificateFactRetriever: {
          certificates: 2,
          minDaysToExpiry: 9.2,
          soonest: 'production/nextcloud/nextcloud-tls',
          notValid: [],
        },
        homelabInventoryFactRetriever: {
          inventories: ['hallonen: invalid'],
          invalidInventories: 1,
          inventoryErrors: 3,
        },
      }),
    ).toEqual({
      homelabSloDefined: [false, 'no SLO is defined for it'],
      homelabBackupsWithinRpo: [
        false,
        'production/velero/velero/daily: last success 3 days ago, RPO 24h',
      ],
      homelabNoCriticalVulnerabilities: [false, '4 critical in production'],
      homelabFluxReady: [
        false,
        'staging: HelmRelease nextcloud/nextcloud is False (UpgradeFailed); suspended: production: HelmRelease nextcloud/nextcloud',
      ],
      homelabCertificatesValid: [
        false,
        'expires soon: production/nextcloud/nextcloud-tls in 9 days',
      ],
      homelabInventoryValid: [false, 'hallonen: invalid'],
    });
  });

  it('fails where nothing backs the data up or a certificate is not Ready', async () => {
    const result = await verdicts({
      homelabBackupFactRetriever: { backupSets: 0, notOk: [] },
      homelabCertificateFactRetriever: {
        certificates: 1,
        minDaysToExpiry: 80,
        soonest: 'production/nextcloud/nextcloud-tls',
        notValid: [
          'production/nextcloud/nextcloud-tls: Ready is False (Failed)',
        ],
      },
    });
    expect(result.homelabBackupsWithinRpo).toEqual([
      false,
      'no backup covers its data',
    ]);
    expect(result.homelabCertificatesValid).toEqual([
      false,
      'production/nextcloud/nextcloud-tls: Ready is False (Failed)',
    ]);
  });

  it('knows nothing without facts, with the reason the retriever gave, or without certificates', async () => {
    expect(
      await verdicts({
        homelabSloFactRetriever: {
          unknownReason:
            'slo is stale (data from 2026-12-02T08:00:00.000Z; Prometheus did not answer)',
        },
        homelabVulnerabilityFactRetriever: {
          unknownReason: 'no security report covers its workloads',
        },
        homelabCertificateFactRetriever: { certificates: 0, notValid: [] },
      }),
    ).toEqual({
      homelabSloDefined: [
        null,
        'slo is stale (data from 2026-12-02T08:00:00.000Z; Prometheus did not answer)',
      ],
      homelabBackupsWithinRpo: [
        null,
        'no facts retrieved yet (homelabBackupFactRetriever)',
      ],
      homelabNoCriticalVulnerabilities: [
        null,
        'no security report covers its workloads',
      ],
      homelabFluxReady: [
        null,
        'no facts retrieved yet (homelabFluxFactRetriever)',
      ],
      homelabCertificatesValid: [
        null,
        'no cert-manager Certificate belongs to it',
      ],
      homelabInventoryValid: [
        null,
        'no facts retrieved yet (homelabInventoryFactRetriever)',
      ],
    });
  });

  it('runs only the checks asked for, with the facts, when they were retrieved and when their data was collected', async () => {
    const { checker, asked } = storeWith({
      homelabFluxFactRetriever: {
        fluxObjects: 1,
        notReady: [],
        suspended: [],
        collectedAt: '2026-12-02T09:58:00.000Z',
      },
    });
    const results = await checker.runChecks(NEXTCLOUD, ['homelabFluxReady']);
    expect(asked).toEqual([[['homelabFluxFactRetriever'], NEXTCLOUD]]);
    expect(results).toEqual([
      expect.objectContaining({
        check: expect.objectContaining({
          type: 'homelab-scorecard',
          name: 'Flux Ready',
        }),
        result: true,
        retrievedAt: '2026-12-02T10:00:00.000Z',
        collectedAt: '2026-12-02T09:58:00.000Z',
        facts: {
          fluxObjects: expect.objectContaining({ type: 'integer', value: 1 }),
          notReady: expect.objectContaining({ type: 'set', value: [] }),
          suspended: expect.objectContaining({ type: 'set', value: [] }),
          collectedAt: expect.objectContaining({ type: 'string' }),
        },
      }),
    ]);
  });

  it('validates only its own checks', async () => {
    const { checker } = storeWith({});
    const [first] = await checker.getChecks();
    expect(await checker.validate(first)).toEqual({ valid: true });
    expect(await checker.validate({ ...first, id: 'other' })).toEqual({
      valid: false,
      message: 'other is not a homelab check',
    });
  });
});
