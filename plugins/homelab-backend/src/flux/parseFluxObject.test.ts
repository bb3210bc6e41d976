import { RawFluxObject, parseFluxObject } from './parseFluxObject';
import { servedFluxTypes } from './fluxResources';

const ready = (status: 'True' | 'False' | 'Unknown', reason = 'Succeeded') => ({
  type: 'Ready',
  status,
  reason,
  message: `ready is ${status}`,
  lastTransitionTime: '2026-11-22T05:36:12Z',
});

const kustomization = (
  overrides: Partial<RawFluxObject> = {},
): RawFluxObject => ({
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  metadata: { name: 'apps', namespace: 'flux-system', generation: 3 },
  spec: { sourceRef: { kind: 'GitRepository', name: 'flux-system' } },
  status: {
    observedGeneration: 3,
    conditions: [ready('True', 'ReconciliationSucceeded')],
    lastAppliedRevision: 'main@sha1:4f8c2a91',
    lastAttemptedRevision: 'main@sha1:4f8c2a91',
  },
  ...overrides,
});

describe('parseFluxObject', () => {
  it('is up to date with Ready=True, the current generation observed and no reconciliation under way', () => {
    expect(
      parseFluxObject(kustomization(), 'Kustomization', 'production'),
    ).toEqual({
      cluster: 'production',
      kind: 'Kustomization',
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      namespace: 'flux-system',
      name: 'apps',
      ready: 'True',
      upToDate: true,
      reconciling: false,
      suspended: false,
      reason: 'ReconciliationSucceeded',
      message: 'ready is True',
      lastTransitionTime: '2026-11-22T05:36:12Z',
      revision: 'main@sha1:4f8c2a91',
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    });
  });

  it('is not up to date while a new generation is unobserved, even if Ready=True', () => {
    const object = parseFluxObject(
      kustomization({
        metadata: { name: 'apps', namespace: 'flux-system', generation: 4 },
      }),
      'Kustomization',
      'production',
    );
    expect(object).toMatchObject({ ready: 'True', upToDate: false });
  });

  it('is not up to date while Reconciling is true', () => {
    const raw = kustomization();
    raw.status!.conditions!.push({
      type: 'Reconciling',
      status: 'True',
      reason: 'Progressing',
    });
    expect(parseFluxObject(raw, 'Kustomization', 'production')).toMatchObject({
      reconciling: true,
      upToDate: false,
    });
  });

  it('reads a missing Ready condition as Unknown, never as ready', () => {
    const object = parseFluxObject(
      kustomization({ status: { observedGeneration: 3 } }),
      'Kustomization',
      'production',
    );
    expect(object).toMatchObject({ ready: 'Unknown', upToDate: false });
  });

  it('keeps the target namespace of what a Kustomization or HelmRelease applies', () => {
    const object = kustomization();
    object.spec!.targetNamespace = 'nextcloud';
    expect(
      parseFluxObject(object, 'Kustomization', 'production').targetNamespace,
    ).toBe('nextcloud');
    expect(
      parseFluxObject(kustomization(), 'Kustomization', 'production'),
    ).not.toHaveProperty('targetNamespace');
  });

  it('keeps the attempted revision when it differs from the applied one', () => {
    const raw = kustomization();
    raw.status!.conditions = [ready('False', 'BuildFailed')];
    raw.status!.lastAttemptedRevision = 'main@sha1:9b27d4e0';
    expect(parseFluxObject(raw, 'Kustomization', 'production')).toMatchObject({
      ready: 'False',
      reason: 'BuildFailed',
      revision: 'main@sha1:4f8c2a91',
      attemptedRevision: 'main@sha1:9b27d4e0',
    });
  });

  it('reads what a HelmRelease runs from its newest deployed release, not a failed attempt', () => {
    const raw: RawFluxObject = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      metadata: {
        name: 'vaultwarden',
        namespace: 'flux-system',
        generation: 4,
      },
      spec: {
        suspend: true,
        chart: {
          spec: {
            chart: 'vaultwarden',
            version: '0.31.0',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'guerzon',
              namespace: 'flux-system',
            },
          },
        },
      },
      status: {
        observedGeneration: 4,
        conditions: [ready('False', 'UpgradeFailed')],
        lastAttemptedRevision: '0.31.0',
        history: [
          {
            chartName: 'vaultwarden',
            chartVersion: '0.31.0',
            appVersion: '1.32.7',
            status: 'failed',
          },
          {
            chartName: 'vaultwarden',
            chartVersion: '0.29.3',
            appVersion: '1.32.5',
            status: 'deployed',
          },
        ],
      },
    };
    expect(parseFluxObject(raw, 'HelmRelease', 'staging')).toMatchObject({
      suspended: true,
      ready: 'False',
      chart: { name: 'vaultwarden', version: '0.29.3', appVersion: '1.32.5' },
      revision: '0.29.3',
      attemptedRevision: '0.31.0',
      sourceRef: {
        kind: 'HelmRepository',
        name: 'guerzon',
        namespace: 'flux-system',
      },
    });
  });

  it('reads the artifact revision and URL of a source', () => {
    const object = parseFluxObject(
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        metadata: { name: 'traefik', namespace: 'flux-system', generation: 1 },
        spec: { url: 'https://traefik.github.io/charts' },
        status: {
          observedGeneration: 1,
          conditions: [ready('True')],
          artifact: { revision: 'sha256:0c9f' },
        },
      },
      'HelmRepository',
      'production',
    );
    expect(object).toMatchObject({
      upToDate: true,
      revision: 'sha256:0c9f',
      url: 'https://traefik.github.io/charts',
    });
  });
});

describe('servedFluxTypes', () => {
  it('tries the versions a cluster serves, preferred first, and leaves out groups it does not serve', () => {
    const types = servedFluxTypes(
      new Map([
        ['source.toolkit.fluxcd.io', ['v1', 'v1beta2']],
        ['helm.toolkit.fluxcd.io', ['v2beta2', 'v2']],
      ]),
    );
    expect(
      types.map(
        ({ kind, types: t }) => `${kind}: ${t.map(x => x.version).join(' ')}`,
      ),
    ).toEqual([
      'GitRepository: v1 v1beta2',
      'OCIRepository: v1 v1beta2',
      'HelmRepository: v1 v1beta2',
      'HelmRelease: v2 v2beta2',
    ]);
  });
});
