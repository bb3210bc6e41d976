import { FluxObject } from '@homelab/plugin-homelab-common';
import { computeDrift } from './computeDrift';

const release = (
  cluster: string,
  name: string,
  version: string | undefined,
  extra: Partial<FluxObject> = {},
): FluxObject => ({
  cluster,
  kind: 'HelmRelease',
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  namespace: 'flux-system',
  name,
  ready: 'True',
  upToDate: true,
  reconciling: false,
  suspended: false,
  ...(version ? { revision: version, chart: { name, version } } : {}),
  ...extra,
});

/** A Flux Kustomization: no chart, its version the revision it applied. */
const kustomization = (
  cluster: string,
  name: string,
  extra: Partial<FluxObject> = {},
): FluxObject => ({
  ...release(cluster, name, undefined),
  kind: 'Kustomization',
  ...extra,
});

const environments = new Map([
  ['pi', 'staging'],
  ['rk1', 'production'],
  ['lab', 'lab'],
]);
const order = ['lab', 'staging', 'production'];

describe('computeDrift', () => {
  const drift = computeDrift(
    [
      release('rk1', 'nextcloud', '6.5.2', { targetNamespace: 'nextcloud' }),
      release('pi', 'nextcloud', '6.6.4', { targetNamespace: 'nextcloud' }),
      release('rk1', 'immich', 'v1.120.0'),
      release('pi', 'immich', 'v1.119.1'),
      release('rk1', 'grafana', '8.5.0'),
      release('pi', 'grafana', '8.5.0'),
      release('lab', 'grafana', '8.5.0'),
      release('pi', 'whoami', '5.2.0'),
      release('elsewhere', 'whoami', '1.0.0'),
      kustomization('rk1', 'infrastructure', { revision: 'main@sha1:4f8c' }),
      kustomization('rk1', 'homepage', {
        revision: 'main@sha1:4f8c',
        entityRef: 'component:default/homepage',
      }),
      kustomization('pi', 'homepage', {
        revision: 'main@sha1:9b27',
        entityRef: 'component:default/homepage',
      }),
    ],
    environments,
    order,
  );
  const app = (name: string) => drift.find(d => d.app === name)!;

  it('lists releases in promotion order and flags an environment behind the one before it', () => {
    expect(
      app('nextcloud').releases.map(r => `${r.environment} ${r.version}`),
    ).toEqual(['staging 6.6.4', 'production 6.5.2']);
    expect(app('nextcloud')).toMatchObject({
      inSync: false,
      behind: ['production'],
      missing: ['lab'],
    });
  });

  it("keeps the namespace a release's workloads run in", () => {
    expect(app('nextcloud').releases[0]).toMatchObject({
      namespace: 'flux-system',
      targetNamespace: 'nextcloud',
    });
    expect(app('immich').releases[0].targetNamespace).toBeUndefined();
  });

  it('does not call an environment ahead of the one before it behind', () => {
    expect(app('immich')).toMatchObject({ inSync: false, behind: [] });
  });

  it('is in sync only when every environment runs the same version', () => {
    expect(app('grafana')).toMatchObject({
      inSync: true,
      behind: [],
      missing: [],
    });
  });

  it("names each release's entity, and the app's only where every release has the same", () => {
    const platform = computeDrift(
      [
        kustomization('rk1', 'flux-system', {
          entityRef: 'component:default/flux-production',
        }),
        kustomization('pi', 'flux-system', {
          entityRef: 'component:default/flux-staging',
        }),
      ],
      environments,
      order,
    );
    expect(platform[0].entityRef).toBeUndefined();
    expect(
      platform[0].releases.map(r => `${r.environment} ${r.entityRef}`),
    ).toEqual([
      'staging component:default/flux-staging',
      'production component:default/flux-production',
    ]);
    const mixed = computeDrift(
      [
        release('rk1', 'metallb', '0.14.9', {
          entityRef: 'component:default/production-metallb',
        }),
        release('pi', 'metallb', '0.14.9'),
      ],
      environments,
      order,
    );
    expect(mixed[0].entityRef).toBeUndefined();
    expect(app('homepage').entityRef).toBe('component:default/homepage');
    expect(app('homepage').releases.map(r => r.entityRef)).toEqual([
      'component:default/homepage',
      'component:default/homepage',
    ]);
  });

  it('leaves out clusters of no known environment, and Kustomizations of no entity', () => {
    expect(app('whoami').releases.map(r => r.cluster)).toEqual(['pi']);
    expect(drift.find(d => d.app === 'infrastructure')).toBeUndefined();
  });

  it('compares revisions that are not versions by equality', () => {
    expect(app('homepage')).toMatchObject({
      entityRef: 'component:default/homepage',
      behind: ['production'],
      inSync: false,
    });
  });
});

describe('computeDrift: how long a release has run', () => {
  it('says since when a Ready release is Ready and when it was deployed; never for one not Ready', () => {
    const [app] = computeDrift(
      [
        release('pi', 'nextcloud', '6.6.4', {
          lastTransitionTime: '2026-11-28T08:00:00Z',
          deployedAt: '2026-11-28T07:59:30Z',
        }),
        release('rk1', 'nextcloud', '6.5.2', {
          ready: 'False',
          lastTransitionTime: '2026-11-30T10:00:00Z',
        }),
      ],
      environments,
      order,
    );
    expect(
      app.releases.map(r => [r.environment, r.readySince, r.deployedAt]),
    ).toEqual([
      ['staging', '2026-11-28T08:00:00Z', '2026-11-28T07:59:30Z'],
      ['production', undefined, undefined],
    ]);
  });
});
