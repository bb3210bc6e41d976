import { ConfigReader } from '@backstage/config';
import { AppRelease, SloStatus } from '@homelab/plugin-homelab-common';
import {
  blockingGates,
  evaluatePromotionGates,
  PromotionGateData,
} from './evaluatePromotionGates';
import { readGateSettings } from './gateSettings';

const NOW = new Date('2026-12-04T10:00:00Z'); // a Friday

function release(overrides: Partial<AppRelease>): AppRelease {
  return {
    environment: 'staging',
    cluster: 'staging',
    kind: 'HelmRelease',
    namespace: 'flux-system',
    targetNamespace: 'podinfo',
    name: 'podinfo',
    version: '6.7.10',
    ready: 'True',
    readySince: '2026-12-02T10:00:00Z',
    ...overrides,
  };
}

function data(
  releases: AppRelease[],
  slos: Array<Partial<SloStatus>> = [],
): PromotionGateData {
  return {
    drift: async () => ({
      apps: [
        { app: 'podinfo', releases, inSync: false, behind: [], missing: [] },
      ],
      freshness: [{ source: 'flux', cluster: 'staging', state: 'fresh' }],
    }),
    criticalFindings: async () => ({ items: [], freshness: [] }),
    slos: async () => ({ items: slos as SloStatus[], freshness: [] }),
  };
}

const settings = (promotion: object = {}) =>
  readGateSettings(new ConfigReader({ homelab: { promotion } }));

const candidate = { app: 'podinfo', from: 'staging', to: 'production' };

describe('evaluatePromotionGates', () => {
  it('compares versions exactly: staging on 6.7.10 does not pass a promotion of 6.7.1', async () => {
    const results = await evaluatePromotionGates(
      { ...candidate, version: '6.7.1' },
      settings(),
      data([release({})]),
      NOW,
    );
    expect(results.find(r => r.gate === 'fluxReady')).toEqual({
      gate: 'fluxReady',
      mode: 'required',
      passed: false,
      reasons: ['staging runs 6.7.10, not the promoted 6.7.1'],
    });
    const same = await evaluatePromotionGates(
      { ...candidate, version: 'v6.7.10' },
      settings(),
      data([release({})]),
      NOW,
    );
    expect(same.find(r => r.gate === 'fluxReady')!.passed).toBe(true);
  });

  it('soak time: Ready for 48 h passes a 24 h minimum, 2 h does not, and is stopped when required', async () => {
    const soaked = await evaluatePromotionGates(
      { ...candidate, version: '6.7.10' },
      settings(),
      data([release({})]),
      NOW,
    );
    expect(soaked.find(r => r.gate === 'soakTime')).toEqual({
      gate: 'soakTime',
      mode: 'advisory',
      passed: true,
      reasons: [
        'Ready in staging for 48 h (since 2026-12-02T10:00:00.000Z; minimum 24 h)',
      ],
    });
    const fresh = await evaluatePromotionGates(
      { ...candidate, version: '6.7.10' },
      settings({ gates: { soakTime: 'required', minimumSoakHours: 24 } }),
      data([release({ deployedAt: '2026-12-04T08:00:00Z' })]),
      NOW,
    );
    const soak = fresh.find(r => r.gate === 'soakTime')!;
    expect(soak).toEqual({
      gate: 'soakTime',
      mode: 'required',
      passed: false,
      reasons: [
        'Ready in staging for only 2 h (since 2026-12-04T08:00:00.000Z); 24 h needed, 22 h to go',
      ],
    });
    expect(blockingGates(fresh)).toEqual([soak]);
  });

  it('freeze windows: a weekly window in its time zone, over midnight, and a date range', async () => {
    const freezes = [
      {
        environment: 'production',
        reason: 'No Friday deploys',
        weekly: {
          days: ['fri'],
          from: '10:30',
          to: '02:00',
          timeZone: 'Europe/Stockholm',
        },
      },
      {
        environment: 'production',
        reason: 'End-of-year freeze',
        from: '2026-12-20T00:00:00Z',
        to: '2027-01-04T00:00:00Z',
      },
    ];
    const at = async (instant: string) =>
      (
        await evaluatePromotionGates(
          candidate,
          settings({ freezes }),
          data([release({})]),
          new Date(instant),
        )
      ).find(r => r.gate === 'freezeWindow')!;
    // 10:00Z is 11:00 in Stockholm on Friday: frozen.
    expect(await at('2026-12-04T10:00:00Z')).toEqual({
      gate: 'freezeWindow',
      mode: 'required',
      passed: false,
      reasons: [
        'production is frozen: No Friday deploys (fri 10:30–02:00 Europe/Stockholm)',
      ],
    });
    // Saturday 01:30 in Stockholm is still Friday night's window; 02:30 is not.
    expect((await at('2026-12-05T00:30:00Z')).passed).toBe(false);
    expect((await at('2026-12-05T01:30:00Z')).passed).toBe(true);
    // Thursday at the same hour: open.
    expect((await at('2026-12-03T10:00:00Z')).passed).toBe(true);
    expect((await at('2026-12-24T12:00:00Z')).reasons).toEqual([
      'production is frozen: End-of-year freeze (2026-12-20T00:00:00Z – 2027-01-04T00:00:00Z)',
    ]);
    expect((await at('2027-01-04T00:00:00Z')).passed).toBe(true);
  });

  it('error budget: below the minimum fails, above passes, no data is undecided', async () => {
    const slo = (name: string, left: number | null, state = 'ok') => ({
      slo: { name, service: 'podinfo' } as any,
      errorBudgetRemaining: left,
      state: state as any,
    });
    const verdict = async (slos: Array<Partial<SloStatus>>) =>
      (
        await evaluatePromotionGates(
          candidate,
          settings(),
          data([release({})], slos),
          NOW,
        )
      ).find(r => r.gate === 'errorBudget')!;
    expect(await verdict([slo('availability', -0.325)])).toEqual({
      gate: 'errorBudget',
      mode: 'advisory',
      passed: false,
      reasons: ['availability: -32.5% of the error budget left (minimum 25%)'],
    });
    expect((await verdict([slo('availability', 0.8)])).passed).toBe(true);
    expect(
      (
        await verdict([
          slo('availability', 0.8),
          slo('latency', null, 'no-data'),
        ])
      ).passed,
    ).toBeNull();
    expect(await verdict([])).toMatchObject({
      passed: null,
      reasons: ['podinfo has no SLO'],
    });
  });

  it('error budget: no SLO before the SLO source was ever read says so', async () => {
    const notRead: PromotionGateData = {
      ...data([release({})]),
      slos: async () => ({
        items: [],
        freshness: [{ source: 'slo', state: 'never-collected' }],
      }),
    };
    const [errorBudget] = (
      await evaluatePromotionGates(candidate, settings(), notRead, NOW)
    ).filter(r => r.gate === 'errorBudget');
    expect(errorBudget).toMatchObject({
      passed: null,
      reasons: ['no SLO of podinfo was read: slo is never-collected'],
    });
  });

  it('stale Flux data leaves the Flux gate undecided, which a required gate treats as stopping', async () => {
    const stale: PromotionGateData = {
      ...data([release({})]),
      drift: async () => ({
        apps: [
          {
            app: 'podinfo',
            releases: [release({})],
            inSync: true,
            behind: [],
            missing: [],
          },
        ],
        freshness: [
          {
            source: 'flux',
            cluster: 'staging',
            state: 'stale',
            collectedAt: '2026-12-04T09:00:00Z',
            error: 'connect ECONNREFUSED',
          },
        ],
      }),
    };
    const results = await evaluatePromotionGates(
      { ...candidate, version: '6.7.10' },
      settings(),
      stale,
      NOW,
    );
    expect(results.find(r => r.gate === 'fluxReady')).toEqual({
      gate: 'fluxReady',
      mode: 'required',
      passed: null,
      reasons: [
        'flux of staging is stale (collected 2026-12-04T09:00:00Z): connect ECONNREFUSED',
      ],
    });
    expect(blockingGates(results).map(r => r.gate)).toEqual(['fluxReady']);
  });

  it('refuses settings it cannot use, naming the key', () => {
    expect(() => settings({ gates: { soakTime: 'sometimes' } })).toThrow(
      'homelab.promotion.gates.soakTime must be one of required, advisory, off, not sometimes',
    );
    expect(() =>
      settings({
        freezes: [
          {
            environment: 'production',
            weekly: { days: ['friday'], from: '10:00', to: '12:00' },
          },
        ],
      }),
    ).toThrow(
      'homelab.promotion.freezes[0].weekly.days: friday is not one of mon, tue, wed, thu, fri, sat, sun',
    );
    expect(() =>
      settings({
        freezes: [
          {
            environment: 'production',
            weekly: {
              days: ['fri'],
              from: '10:00',
              to: '12:00',
              timeZone: 'Mars/Olympus',
            },
          },
        ],
      }),
    ).toThrow('Mars/Olympus is not a time zone');
  });
});
