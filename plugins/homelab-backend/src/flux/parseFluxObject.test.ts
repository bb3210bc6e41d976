import { RawFluxObject, parseFluxObject } from './parseFluxObject';
import { servedFluxTypes } from './fluxResources';
import { fluxFixture } from './__fixtures__/fluxFixtures';

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
            lastDeployed: '2026-11-02T09:12:44Z',
          },
        ],
      },
    };
    expect(parseFluxObject(raw, 'HelmRelease', 'staging')).toMatchObject({
      suspended: true,
      ready: 'False',
      chart: { name: 'vaultwarden', version: '0.29.3', appVersion: '1.32.5' },
      revision: '0.29.3',
      // When what runs was deployed: not the failed attempt's time.
      deployedAt: '2026-11-02T09:12:44Z',
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

describe('parseFluxObject on the Flux 2.7 and Flux Operator kinds, shaped as upstream documents them', () => {
  it('reads an ExternalArtifact: Ready from its condition, the artifact revision, and what produces it', () => {
    const [documented, generated] = fluxFixture('externalartifacts.yaml');
    expect(
      parseFluxObject(documented, 'ExternalArtifact', 'production'),
    ).toEqual({
      cluster: 'production',
      kind: 'ExternalArtifact',
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      namespace: 'flux-system',
      name: 'my-artifact',
      ready: 'True',
      // No status.observedGeneration: the Ready condition's counts.
      upToDate: true,
      reconciling: false,
      suspended: false,
      reason: 'Succeeded',
      message: 'stored artifact for revision v1.0.0',
      lastTransitionTime: '2025-08-21T13:37:31Z',
      revision:
        'v1.0.0@sha256:35d47c9db0eee6ffe08a404dfb416bee31b2b79eabc3f2eb26749163ce487f52',
      sourceRef: { kind: 'Source', name: 'my-source' },
    });
    expect(
      parseFluxObject(generated, 'ExternalArtifact', 'production'),
    ).toMatchObject({
      upToDate: true,
      revision:
        'latest@sha256:d56f6359d240f69e4164425b599d08869574fc013b9e5727951048914db12c5b',
      sourceRef: {
        kind: 'ArtifactGenerator',
        name: 'flux-system',
        namespace: 'flux-system',
      },
    });
  });

  it('reads an ArtifactGenerator: Ready, and the ExternalArtifacts it generated', () => {
    const [generating, failing, paused] = fluxFixture(
      'artifactgenerators.yaml',
    );
    expect(
      parseFluxObject(generating, 'ArtifactGenerator', 'staging'),
    ).toMatchObject({
      apiVersion: 'source.extensions.fluxcd.io/v1beta1',
      ready: 'True',
      upToDate: true,
      suspended: false,
      message: 'reconciliation succeeded, generated 2 artifact(s)',
      lastHandledReconcileAt: '2026-11-22T05:35:40.118224Z',
      generatedArtifacts: [
        {
          namespace: 'flux-system',
          name: 'infrastructure',
          digest:
            'sha256:9fec08e4574bcb96d535c9616cbf153b8dc686f5be9c30eed44946910750acec',
        },
        {
          namespace: 'flux-system',
          name: 'apps',
          digest:
            'sha256:d56f6359d240f69e4164425b599d08869574fc013b9e5727951048914db12c5b',
        },
      ],
    });
    expect(
      parseFluxObject(generating, 'ArtifactGenerator', 'staging'),
    ).not.toHaveProperty('revision');
    expect(
      parseFluxObject(failing, 'ArtifactGenerator', 'staging'),
    ).toMatchObject({
      ready: 'False',
      upToDate: false,
      reason: 'SourceFetchFailed',
      message:
        "get sources failed: source 'GitRepository/apps/my-monorepo' is not ready",
      generatedArtifacts: [{ namespace: 'apps', name: 'frontend' }],
    });
    // "Disabled" as the docs write it; the controller ignores case.
    expect(
      parseFluxObject(paused, 'ArtifactGenerator', 'staging'),
    ).toMatchObject({ suspended: true, ready: 'True' });
  });

  it('reads a FluxInstance: Ready with the applied Flux revision, and a failed upgrade with what it attempted', () => {
    const [installed, failedUpgrade, paused] =
      fluxFixture('fluxinstances.yaml');
    expect(parseFluxObject(installed, 'FluxInstance', 'production')).toEqual({
      cluster: 'production',
      kind: 'FluxInstance',
      apiVersion: 'fluxcd.controlplane.io/v1',
      namespace: 'flux-system',
      name: 'flux',
      ready: 'True',
      upToDate: true,
      reconciling: false,
      suspended: false,
      reason: 'ReconciliationSucceeded',
      message: 'Reconciliation finished in 52s',
      lastTransitionTime: '2024-06-03T12:20:57Z',
      revision:
        'v2.3.0@sha256:4cc5babdb1279ad0177bf513292deadbfa3f7b7c3da0be7fa53b39ab434f7219',
    });
    expect(parseFluxObject(failedUpgrade, 'FluxInstance', 'lab')).toMatchObject(
      {
        ready: 'False',
        upToDate: false,
        reconciling: true,
        reason: 'ReconciliationFailed',
        revision:
          'v2.3.0@sha256:4cc5babdb1279ad0177bf513292deadbfa3f7b7c3da0be7fa53b39ab434f7219',
        attemptedRevision:
          'v2.3.1@sha256:0304e3bcdbb841a19ec7c4cd198fedcb9f05554d840d1b9945125c78490ea627',
      },
    );
    expect(parseFluxObject(paused, 'FluxInstance', 'paused')).toMatchObject({
      suspended: true,
    });
  });

  it('reads a ResourceSet: Ready with the digest it applied, and one waiting for a dependency', () => {
    const [applied, waiting] = fluxFixture('resourcesets.yaml');
    expect(parseFluxObject(applied, 'ResourceSet', 'production')).toMatchObject(
      {
        namespace: 'default',
        name: 'podinfo',
        ready: 'True',
        upToDate: true,
        suspended: false,
        revision:
          'sha256:43ad78c94b2655429d84f21488f29d7cca9cd45b7f54d2b27e16bbec8eff9228',
      },
    );
    expect(parseFluxObject(waiting, 'ResourceSet', 'production')).toMatchObject(
      {
        ready: 'False',
        upToDate: false,
        reason: 'DependencyNotReady',
        message:
          'Retrying dependency check: dependency fluxcd.controlplane.io/v1/ResourceSet/flux-system/cluster-addons not ready',
      },
    );
  });

  it('is not up to date while the Ready condition describes an older generation', () => {
    const [installed] = fluxFixture('fluxinstances.yaml');
    installed.metadata.generation = 2;
    expect(
      parseFluxObject(installed, 'FluxInstance', 'production'),
    ).toMatchObject({
      ready: 'True',
      upToDate: false,
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
      'ExternalArtifact: v1',
      'HelmRelease: v2 v2beta2',
    ]);
  });

  it("reads source-watcher's and the Flux Operator's kinds where their groups are served", () => {
    const types = servedFluxTypes(
      new Map([
        ['source.extensions.fluxcd.io', ['v1beta1']],
        ['fluxcd.controlplane.io', ['v1']],
      ]),
    );
    expect(
      types.map(({ kind, types: [t], laterAddition }) => [
        kind,
        `${t.group}/${t.version} ${t.plural}`,
        laterAddition,
      ]),
    ).toEqual([
      [
        'ArtifactGenerator',
        'source.extensions.fluxcd.io/v1beta1 artifactgenerators',
        false,
      ],
      ['FluxInstance', 'fluxcd.controlplane.io/v1 fluxinstances', false],
      // An operator older than ResourceSet serves the group without it.
      ['ResourceSet', 'fluxcd.controlplane.io/v1 resourcesets', true],
    ]);
  });
});
