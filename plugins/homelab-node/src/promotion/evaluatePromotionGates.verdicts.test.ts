import { ConfigReader } from '@backstage/config';
import {
  AppRelease,
  Finding,
  SloStatus,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import {
  blockingGates,
  evaluatePromotionGates,
  GateResult,
  PromotionGateData,
  runningVersion,
} from './evaluatePromotionGates';
import { readGateSettings } from './gateSettings';

/*
 * Each gate's verdict and reasons, word for word, in every case it tells
 * apart: what an operator reads in the task log and the pull request.
 */

const NOW = new Date('2026-12-04T10:00:00Z'); // a Friday
const candidate = { app: 'podinfo', from: 'staging', to: 'production' };

function release(overrides: Partial<AppRelease> = {}): AppRelease {
  return {
    environment: 'staging',
    cluster: 'staging',
    kind: 'HelmRelease',
    namespace: 'flux-system',
    name: 'podinfo',
    version: '6.7.10',
    ready: 'True',
    readySince: '2026-12-02T10:00:00Z',
    ...overrides,
  };
}

const production = (overrides: Partial<AppRelease> = {}) =>
  release({ environment: 'production', cluster: 'production', ...overrides });

function data(
  options: {
    releases?: AppRelease[];
    entityRef?: string;
    freshness?: SourceFreshness[];
    findings?: Record<string, Array<Partial<Finding>>>;
    findingsFreshness?: SourceFreshness[];
    slos?: Array<Partial<SloStatus>>;
    sloFreshness?: SourceFreshness[];
    /** Whether homelab-backend knows the app at all. */
    known?: boolean;
  } = {},
) {
  return {
    drift: jest.fn(async () => ({
      apps: [
        {
          app: 'whoami',
          releases: [release({ name: 'whoami', ready: 'False' })],
          inSync: true,
          behind: [],
          missing: [],
        },
        ...(options.known === false
          ? []
          : [
              {
                app: 'podinfo',
                entityRef: options.entityRef,
                releases: options.releases ?? [production(), release()],
                inSync: false,
                behind: [],
                missing: [],
              },
            ]),
      ],
      freshness: options.freshness ?? [
        { source: 'flux', cluster: 'staging', state: 'fresh' as const },
      ],
    })),
    criticalFindings: jest.fn(async (cluster: string, namespace: string) => ({
      items: (options.findings?.[`${cluster}/${namespace}`] ?? []) as Finding[],
      freshness: options.findingsFreshness ?? [],
    })),
    slos: jest.fn(async () => ({
      items: (options.slos ?? []) as SloStatus[],
      freshness: options.sloFreshness ?? [],
    })),
  } satisfies PromotionGateData;
}

const settings = (gates: object = {}, freezes: object[] = []) =>
  readGateSettings(
    new ConfigReader({ homelab: { promotion: { gates, freezes } } }),
  );

async function gate(
  name: GateResult['gate'],
  gateData: PromotionGateData,
  options: { version?: string; gates?: object; freezes?: object[] } = {},
) {
  const results = await evaluatePromotionGates(
    { ...candidate, version: options.version },
    settings(options.gates, options.freezes),
    gateData,
    NOW,
  );
  const { gate: _name, ...verdict } = results.find(r => r.gate === name)!;
  return verdict;
}

const stale: SourceFreshness[] = [
  {
    source: 'flux',
    cluster: 'staging',
    state: 'stale',
    collectedAt: '2026-12-04T09:00:00Z',
    error: 'connect ECONNREFUSED',
  },
  { source: 'prometheus', state: 'never-collected' },
];
const staleReasons = [
  'flux of staging is stale (collected 2026-12-04T09:00:00Z): connect ECONNREFUSED',
  'prometheus is never-collected',
];

describe('evaluatePromotionGates, gate by gate', () => {
  it('asks every gate that is not off, in a fixed order, reading the drift once', async () => {
    const source = data();
    const results = await evaluatePromotionGates(
      { ...candidate, version: '6.7.10' },
      settings({ soakTime: 'off', errorBudget: 'required' }),
      source,
      NOW,
    );
    expect(results.map(r => [r.gate, r.mode])).toEqual([
      ['freezeWindow', 'required'],
      ['fluxReady', 'required'],
      ['criticalVulnerabilities', 'required'],
      ['errorBudget', 'required'],
    ]);
    expect(source.drift).toHaveBeenCalledTimes(1);
  });

  it('asks no data when every gate is off', async () => {
    const source = data();
    const off = {
      fluxReady: 'off',
      criticalVulnerabilities: 'off',
      errorBudget: 'off',
      soakTime: 'off',
      freezeWindows: 'off',
    };
    expect(
      await evaluatePromotionGates(candidate, settings(off), source, NOW),
    ).toEqual([]);
    expect(source.drift).not.toHaveBeenCalled();
    expect(source.criticalFindings).not.toHaveBeenCalled();
    expect(source.slos).not.toHaveBeenCalled();
  });

  it('leaves a gate undecided, with the error, when its data cannot be read', async () => {
    const failing: PromotionGateData = {
      ...data(),
      drift: async () => {
        throw new Error('homelab API answered 503');
      },
    };
    expect(await gate('fluxReady', failing)).toEqual({
      mode: 'required',
      passed: null,
      reasons: ['homelab API answered 503'],
    });
  });

  describe('freezeWindow', () => {
    const weekend = {
      environment: 'production',
      weekly: { days: ['sat', 'sun'], from: '00:00', to: '23:59' },
    };
    const holidays = {
      environment: 'production',
      from: '2026-12-20T00:00:00Z',
      to: '2027-01-04T00:00:00Z',
    };

    it('passes, saying so, when the target has no window', async () => {
      expect(
        await gate('freezeWindow', data(), {
          freezes: [{ ...holidays, environment: 'staging' }],
        }),
      ).toEqual({
        mode: 'required',
        passed: true,
        reasons: ['no freeze window is configured for production'],
      });
    });

    it("passes, naming the target's windows, when none is in force", async () => {
      expect(
        await gate('freezeWindow', data(), {
          freezes: [weekend, { ...holidays, environment: 'staging' }, holidays],
        }),
      ).toEqual({
        mode: 'required',
        passed: true,
        reasons: [
          'no freeze window of production is in force (sat, sun 00:00–23:59 UTC; 2026-12-20T00:00:00Z – 2027-01-04T00:00:00Z)',
        ],
      });
    });
  });

  describe('fluxReady', () => {
    it('is undecided when the app is not seen in the source environment', async () => {
      expect(
        await gate('fluxReady', data({ releases: [production()] })),
      ).toEqual({
        mode: 'required',
        passed: null,
        reasons: ['no Flux object of podinfo is seen in staging'],
      });
    });

    it('is undecided when homelab-backend does not know the app', async () => {
      expect(await gate('fluxReady', data({ known: false }))).toEqual({
        mode: 'required',
        passed: null,
        reasons: ['no Flux object of podinfo is seen in staging'],
      });
    });

    it('is undecided on stale data, saying what is stale', async () => {
      expect(await gate('fluxReady', data({ freshness: stale }))).toEqual({
        mode: 'required',
        passed: null,
        reasons: staleReasons,
      });
    });

    it('fails when the source is not Ready, or runs an unknown version', async () => {
      expect(
        await gate(
          'fluxReady',
          data({
            releases: [release({ ready: 'False', version: undefined })],
          }),
          { version: '6.7.10' },
        ),
      ).toEqual({
        mode: 'required',
        passed: false,
        reasons: [
          'HelmRelease flux-system/podinfo in staging is not Ready (False)',
          'staging runs an unknown version, not the promoted 6.7.10',
        ],
      });
    });

    it('passes on the Ready object of the source environment, with its version or revision', async () => {
      expect(await gate('fluxReady', data(), { version: '6.7.10' })).toEqual({
        mode: 'required',
        passed: true,
        reasons: [
          'HelmRelease flux-system/podinfo in staging is Ready on 6.7.10',
        ],
      });
      expect(
        await gate(
          'fluxReady',
          data({
            releases: [release({ kind: 'Kustomization', version: undefined })],
          }),
        ),
      ).toEqual({
        mode: 'required',
        passed: true,
        reasons: [
          'Kustomization flux-system/podinfo in staging is Ready on its revision',
        ],
      });
    });

    it("compares a Kustomization's revision without its digest", async () => {
      const kustomization = release({
        kind: 'Kustomization',
        version: 'v1.4.0@sha1:4f8c2a91d07e',
      });
      expect(
        await gate('fluxReady', data({ releases: [kustomization] }), {
          version: 'v1.4.0',
        }),
      ).toEqual({
        mode: 'required',
        passed: true,
        reasons: [
          'Kustomization flux-system/podinfo in staging is Ready on v1.4.0',
        ],
      });
      expect(runningVersion(kustomization)).toBe('v1.4.0');
      expect(runningVersion(release({ version: '6.7.10@rc' }))).toBe(
        '6.7.10@rc',
      );
    });
  });

  describe('soakTime', () => {
    const soak = (releases: AppRelease[], extra: object = {}) =>
      gate('soakTime', data({ releases, ...extra }), {
        gates: { minimumSoakHours: 48 },
      });

    it('is undecided when the app is not seen, or the data is stale', async () => {
      expect(await soak([production()])).toEqual({
        mode: 'advisory',
        passed: null,
        reasons: ['podinfo is not seen in staging'],
      });
      expect(await soak([release()], { freshness: stale })).toEqual({
        mode: 'advisory',
        passed: null,
        reasons: staleReasons,
      });
    });

    it('fails when the source is not Ready, or not known since when', async () => {
      const notSoaked = {
        mode: 'advisory',
        passed: false,
        reasons: [
          'HelmRelease flux-system/podinfo in staging is not Ready, so it has not soaked',
        ],
      };
      expect(await soak([release({ ready: 'Unknown' })])).toEqual(notSoaked);
      expect(await soak([release({ readySince: undefined })])).toEqual(
        notSoaked,
      );
    });

    it('counts from the later of becoming Ready and being deployed; exactly the minimum passes', async () => {
      expect(
        await soak([release({ deployedAt: '2026-11-01T00:00:00Z' })]),
      ).toEqual({
        mode: 'advisory',
        passed: true,
        reasons: [
          'Ready in staging for 48 h (since 2026-12-02T10:00:00.000Z; minimum 48 h)',
        ],
      });
      expect(
        await soak([release({ deployedAt: '2026-12-02T10:06:00Z' })]),
      ).toEqual({
        mode: 'advisory',
        passed: false,
        reasons: [
          'Ready in staging for only 47.9 h (since 2026-12-02T10:06:00.000Z); 48 h needed, 0.1 h to go',
        ],
      });
    });
  });

  describe('criticalVulnerabilities', () => {
    const findings = (...ids: string[]) => ids.map(checkId => ({ checkId }));

    it('is undecided when the app is not seen, or the findings are stale', async () => {
      expect(
        await gate(
          'criticalVulnerabilities',
          data({ releases: [production()] }),
        ),
      ).toEqual({
        mode: 'required',
        passed: null,
        reasons: ['podinfo is not seen in staging'],
      });
      expect(
        await gate(
          'criticalVulnerabilities',
          data({ findingsFreshness: stale }),
        ),
      ).toEqual({
        mode: 'required',
        passed: null,
        reasons: staleReasons,
      });
    });

    it("counts the source's findings that the target does not have, each once, where the workloads run", async () => {
      const source = data({
        releases: [
          release({ targetNamespace: 'podinfo' }),
          production({ namespace: 'apps' }),
        ],
        findings: {
          'staging/podinfo': findings('CVE-1', 'CVE-2', 'CVE-2', 'CVE-3'),
          'production/apps': findings('CVE-1'),
        },
      });
      expect(await gate('criticalVulnerabilities', source)).toEqual({
        mode: 'required',
        passed: false,
        reasons: [
          '2 critical vulnerabilities in staging that production does not have: CVE-2, CVE-3',
        ],
      });
      expect(source.criticalFindings.mock.calls).toEqual([
        ['staging', 'podinfo'],
        ['production', 'apps'],
      ]);
    });

    it('names the first ten and says there are more', async () => {
      const ids = (n: number) =>
        Array.from({ length: n }, (_, i) => `CVE-${i + 1}`);
      const verdict = async (n: number) =>
        (
          await gate(
            'criticalVulnerabilities',
            data({
              releases: [release()],
              findings: { 'staging/flux-system': findings(...ids(n)) },
            }),
          )
        ).reasons[0];
      expect(await verdict(10)).toBe(
        `10 critical vulnerabilities in staging that production does not have: ${ids(
          10,
        ).join(', ')}`,
      );
      expect(await verdict(11)).toBe(
        `11 critical vulnerabilities in staging that production does not have: ${ids(
          10,
        ).join(', ')}, …`,
      );
    });

    it('passes when the target has every finding of the source, asking nothing of a target not deployed yet', async () => {
      const both = data({
        findings: {
          'staging/flux-system': findings('CVE-1'),
          'production/flux-system': findings('CVE-1'),
        },
      });
      const passed = {
        mode: 'required',
        passed: true,
        reasons: [
          'no critical vulnerability in staging that production does not have',
        ],
      };
      expect(await gate('criticalVulnerabilities', both)).toEqual(passed);
      const first = data({ releases: [release()] });
      expect(await gate('criticalVulnerabilities', first)).toEqual(passed);
      expect(first.criticalFindings).toHaveBeenCalledTimes(1);
    });
  });

  describe('errorBudget', () => {
    const slo = (
      name: string,
      left: number | null,
      more: Partial<SloStatus> & { entityRef?: string; service?: string } = {},
    ): Partial<SloStatus> => ({
      slo: {
        name,
        service: more.service ?? 'podinfo',
        entityRef: more.entityRef,
      } as SloStatus['slo'],
      errorBudgetRemaining: left,
      state: 'ok',
      ...more,
    });

    it("reads the app's SLOs, by service or by the app's entity", async () => {
      const verdict = await gate(
        'errorBudget',
        data({
          entityRef: 'component:default/podinfo',
          slos: [
            slo('by-service', 0.5),
            slo('by-entity', 0.25, {
              service: 'frontend',
              entityRef: 'component:default/podinfo',
            }),
            slo('other-entity', 0.01, {
              service: 'frontend',
              entityRef: 'component:default/whoami',
            }),
          ],
        }),
      );
      expect(verdict).toEqual({
        mode: 'advisory',
        passed: true,
        reasons: [
          'by-service: 50% of the error budget left (minimum 25%)',
          'by-entity: 25% of the error budget left (minimum 25%)',
        ],
      });
    });

    it("reads the SLOs of each release's entity, where the releases belong to different ones", async () => {
      const verdict = await gate(
        'errorBudget',
        data({
          releases: [
            production({ entityRef: 'component:default/podinfo-production' }),
            release({ entityRef: 'component:default/podinfo-staging' }),
          ],
          slos: [
            slo('production', 0.5, {
              service: 'frontend',
              entityRef: 'component:default/podinfo-production',
            }),
            slo('staging', 0.1, {
              service: 'frontend',
              entityRef: 'component:default/podinfo-staging',
            }),
            slo('other-entity', 0.01, {
              service: 'frontend',
              entityRef: 'component:default/whoami',
            }),
          ],
        }),
      );
      expect(verdict).toEqual({
        mode: 'advisory',
        passed: false,
        reasons: [
          'production: 50% of the error budget left (minimum 25%)',
          'staging: 10% of the error budget left (minimum 25%)',
        ],
      });
    });

    it('has no SLO when neither the service nor an entity matches', async () => {
      expect(
        await gate(
          'errorBudget',
          data({ slos: [slo('other', 0.5, { service: 'whoami' })] }),
        ),
      ).toEqual({
        mode: 'advisory',
        passed: null,
        reasons: ['podinfo has no SLO'],
      });
    });

    it('has no SLO of an app homelab-backend does not know, whatever other SLOs there are', async () => {
      expect(
        await gate(
          'errorBudget',
          data({
            known: false,
            slos: [slo('other', 0.5, { service: 'whoami' })],
          }),
        ),
      ).toEqual({
        mode: 'advisory',
        passed: null,
        reasons: ['podinfo has no SLO'],
      });
    });

    it('says why no SLO may have been read yet, every stale source', async () => {
      expect(await gate('errorBudget', data({ sloFreshness: stale }))).toEqual({
        mode: 'advisory',
        passed: null,
        reasons: [`no SLO of podinfo was read: ${staleReasons.join('; ')}`],
      });
    });

    it('leaves undecided an SLO without a budget, or stale, or without data, whatever its number', async () => {
      expect(
        await gate(
          'errorBudget',
          data({
            slos: [
              slo('unmeasured', null),
              slo('stale', 0.9, { state: 'stale' }),
              slo('silent', 0.9, { state: 'no-data' }),
            ],
          }),
        ),
      ).toEqual({
        mode: 'advisory',
        passed: null,
        reasons: ['unmeasured: ok', 'stale: stale', 'silent: no-data'],
      });
    });

    it('fails on any SLO short of budget, even beside an undecided one', async () => {
      expect(
        await gate(
          'errorBudget',
          data({
            slos: [
              slo('latency', null, {
                state: 'stale',
                evaluatedAt: '2026-12-04T09:00:00Z',
              }),
              slo('errors', 0.1234),
              slo('availability', 0.9, { state: 'error' }),
            ],
          }),
        ),
      ).toEqual({
        mode: 'advisory',
        passed: false,
        reasons: [
          'latency: stale (evaluated 2026-12-04T09:00:00Z)',
          'errors: 12.3% of the error budget left (minimum 25%)',
          'availability: error',
        ],
      });
    });
  });
});

describe('blockingGates', () => {
  it('stops on required gates that failed or could not decide, never on advisory ones', () => {
    const result = (
      mode: GateResult['mode'],
      passed: boolean | null,
    ): GateResult => ({ gate: 'fluxReady', mode, passed, reasons: [] });
    const failed = result('required', false);
    const undecided = result('required', null);
    expect(
      blockingGates([
        result('required', true),
        failed,
        undecided,
        result('advisory', false),
        result('advisory', null),
      ]),
    ).toEqual([failed, undecided]);
  });
});
