import { ConfigReader } from '@backstage/config';
import {
  AppRelease,
  BackupSet,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import {
  evaluatePromotionGates,
  PromotionGateData,
} from './evaluatePromotionGates';
import { readGateSettings } from './gateSettings';

const candidate = { app: 'nextcloud', from: 'staging', to: 'production' };
const production: AppRelease = {
  environment: 'production',
  cluster: 'production',
  kind: 'HelmRelease',
  namespace: 'flux-system',
  targetNamespace: 'nextcloud',
  name: 'nextcloud',
  version: '6.6.9',
  ready: 'True',
};
const fresh: SourceFreshness[] = [
  { source: 'backups', cluster: 'production', state: 'fresh' },
];

const set = (state: BackupSet['state'], reason: string): BackupSet => ({
  id: `production/velero/velero/${state}`,
  cluster: 'production',
  tool: 'velero',
  namespace: 'velero',
  name: `daily-${state}`,
  coveredNamespaces: ['nextcloud'],
  entityRefs: ['component:default/nextcloud'],
  problems: [],
  failuresSinceSuccess: 0,
  state,
  reason,
});

function data(
  backups?: PromotionGateData['backups'],
): PromotionGateData & { backups?: jest.Mock } {
  return {
    drift: async () => ({
      apps: [
        {
          app: 'nextcloud',
          releases: [production],
          inSync: false,
          behind: [],
          missing: ['staging'],
        },
      ],
      freshness: [],
    }),
    criticalFindings: async () => ({ items: [], freshness: [] }),
    slos: async () => ({ items: [], freshness: [] }),
    ...(backups ? { backups: jest.fn(backups) } : {}),
  };
}

const recentBackup = async (
  gateData: PromotionGateData,
  mode: string = 'required',
) =>
  (
    await evaluatePromotionGates(
      candidate,
      readGateSettings(
        new ConfigReader({
          homelab: { promotion: { gates: { recentBackup: mode } } },
        }),
      ),
      gateData,
    )
  ).find(g => g.gate === 'recentBackup');

describe('the recentBackup gate', () => {
  it('is off unless configured', async () => {
    const gateData = data(async () => ({ items: [], freshness: fresh }));
    expect(await recentBackup(gateData, 'off')).toBeUndefined();
    expect(
      readGateSettings(new ConfigReader({ homelab: {} })).recentBackup,
    ).toBe('off');
  });

  it("passes on an ok backup of the target's namespace, asking where the target's workloads run", async () => {
    const gateData = data(async () => ({
      items: [
        set('failed', 'The last backup, b-2, ended Failed'),
        set(
          'ok',
          'The last successful backup is 5h old, within the RPO of 24h',
        ),
      ],
      freshness: fresh,
    }));
    expect(await recentBackup(gateData)).toEqual({
      gate: 'recentBackup',
      mode: 'required',
      passed: true,
      reasons: [
        'velero daily-ok in production: ok (The last successful backup is 5h old, within the RPO of 24h)',
      ],
    });
    expect(gateData.backups).toHaveBeenCalledWith('production', 'nextcloud');
  });

  it('fails when no backup covers the target, or none is ok, with each reason', async () => {
    expect(
      await recentBackup(data(async () => ({ items: [], freshness: fresh }))),
    ).toMatchObject({
      passed: false,
      reasons: [
        'no backup covers namespace nextcloud of production (HelmRelease flux-system/nextcloud in production)',
      ],
    });
    expect(
      await recentBackup(
        data(async () => ({
          items: [
            set(
              'outside-rpo',
              'The last successful backup is 30h old, beyond the RPO of 24h',
            ),
          ],
          freshness: fresh,
        })),
      ),
    ).toMatchObject({
      passed: false,
      reasons: [
        'velero daily-outside-rpo in production: outside-rpo (The last successful backup is 30h old, beyond the RPO of 24h)',
      ],
    });
  });

  it('cannot decide on stale backups, or without a way to read them', async () => {
    expect(
      await recentBackup(
        data(async () => ({
          items: [set('ok', 'old news')],
          freshness: [
            {
              source: 'backups',
              cluster: 'production',
              state: 'stale',
              collectedAt: '2026-12-02T10:00:00Z',
              error: 'connect ECONNREFUSED',
            },
          ],
        })),
      ),
    ).toMatchObject({
      passed: null,
      reasons: [
        'backups of production is stale (collected 2026-12-02T10:00:00Z): connect ECONNREFUSED',
      ],
    });
    expect(await recentBackup(data())).toMatchObject({
      passed: null,
      reasons: ['the backups of the target cannot be read here'],
    });
  });
});
