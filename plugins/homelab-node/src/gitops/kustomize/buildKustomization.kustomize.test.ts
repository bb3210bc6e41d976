import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkoutRepository } from '../files/checkoutRepository';
import { realKustomizeBuild } from '../../testing/realKustomize';
import { buildKustomization } from './buildKustomization';

const fixtures = path.resolve(__dirname, '../../../../../test/fixtures/gitops');

const identity = (o: Record<string, any>) =>
  `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ''}/${
    o.metadata?.name
  }`;

/** The evaluator's build and real kustomize's, as maps from identity to object. */
async function bothBuilds(root: string, folder: string) {
  const ours = await buildKustomization(checkoutRepository(root), folder);
  const theirs = await realKustomizeBuild(path.join(root, folder));
  return {
    ours: Object.fromEntries(
      ours.resources.map(r => [identity(r.object), r.object]),
    ),
    theirs: Object.fromEntries(theirs.map(o => [identity(o), o])),
    build: ours,
  };
}

function writeTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-kustomize-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

// Each case runs the real kustomize, several times for a whole environment.
jest.setTimeout(120_000);

describe('buildKustomization agrees with the real kustomize', () => {
  it.each([
    'apps/staging',
    'apps/production',
    'apps/base/podinfo',
    'infrastructure/controllers',
    'infrastructure/configs',
    'clusters/staging/flux-system',
  ])('fluxcd/flux2-kustomize-helm-example %s', async folder => {
    const { ours, theirs } = await bothBuilds(
      path.join(fixtures, 'flux2-kustomize-helm-example'),
      folder,
    );
    expect(ours).toEqual(theirs);
  });

  const release = (
    name: string,
    extra = '',
  ) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: ${name}
spec:
  interval: 10m
  chartRef:
    kind: OCIRepository
    name: ${name}
  values:
    image:
      tag: "1.0.0"
    list: [a, b, c]
${extra}`;

  const cases: Array<[string, Record<string, string>, string]> = [
    [
      'a values patch targeting every HelmRelease reaches every app',
      {
        'base/a/kustomization.yaml': 'resources: [release.yaml]\n',
        'base/a/release.yaml': release('a'),
        'base/b/kustomization.yaml': 'resources: [release.yaml]\n',
        'base/b/release.yaml': release('b'),
        'env/kustomization.yaml':
          'resources: [../base/a, ../base/b]\npatches:\n  - path: a-values.yaml\n    target:\n      kind: HelmRelease\n',
        'env/a-values.yaml':
          'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: a\n  namespace: a\nspec:\n  values:\n    image:\n      tag: "2.0.0"\n    list: [z]\n    gone: null\n',
      },
      'env',
    ],
    [
      'a patch without target, by kind and name, with nulls and $patch directives',
      {
        'kustomization.yaml':
          'resources: [a.yaml, b.yaml]\npatches:\n  - path: p.yaml\npatchesStrategicMerge:\n  - |-\n    apiVersion: helm.toolkit.fluxcd.io/v2\n    kind: HelmRelease\n    metadata:\n      name: b\n      namespace: b\n    spec:\n      values:\n        $patch: replace\n        only: here\n',
        'a.yaml': release('a', '    drop: me\n'),
        'b.yaml': release('b'),
        'p.yaml':
          'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: a\n  namespace: a\nspec:\n  values:\n    drop: null\n    image:\n      tag: "3.0.0"\n      pullPolicy: Always\n',
      },
      '',
    ],
    [
      'JSON 6902 patches: add to a list end, replace, remove, copy and move',
      {
        'kustomization.yaml': `resources: [a.yaml]
patches:
  - target: {kind: HelmRelease, name: "a|x"}
    patch: |-
      - op: add
        path: /spec/values/list/-
        value: d
      - op: add
        path: /spec/values/list/0
        value: first
      - op: replace
        path: /spec/values/image/tag
        value: "4.0.0"
      - op: remove
        path: /spec/values/list/2
      - op: copy
        from: /spec/values/image
        path: /spec/values/sidecarImage
      - op: move
        from: /spec/interval
        path: /spec/timeout
patchesJson6902:
  - target: {group: helm.toolkit.fluxcd.io, version: v2, kind: HelmRelease, name: a, namespace: a}
    patch: |-
      - op: add
        path: /spec/suspend
        value: true
`,
        'a.yaml': release('a'),
      },
      '',
    ],
    [
      'namespace, a Namespace named _, labels, name prefix, components and a nested overlay',
      {
        'app/kustomization.yaml':
          'namespace: media\nresources: [namespace.yaml, release.yaml]\ncomponents: [../components/defaults]\nlabels:\n  - pairs: {team: media}\n',
        'app/namespace.yaml':
          'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: _\n  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n',
        'app/release.yaml': release('a'),
        'components/defaults/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [alert.yaml]\npatches:\n  - target: {kind: HelmRelease}\n    patch: |-\n      apiVersion: helm.toolkit.fluxcd.io/v2\n      kind: HelmRelease\n      metadata:\n        name: _\n      spec:\n        install:\n          crds: CreateReplace\n',
        'components/defaults/alert.yaml':
          'apiVersion: notification.toolkit.fluxcd.io/v1beta3\nkind: Alert\nmetadata:\n  name: alertmanager\nspec:\n  providerRef:\n    name: alertmanager\n  eventSources:\n    - kind: HelmRelease\n      name: "*"\n',
        'overlay/kustomization.yaml':
          'resources: [../app]\nnamePrefix: prod-\npatches:\n  - target: {labelSelector: "team=media", kind: HelmRelease}\n    patch: |-\n      - op: replace\n        path: /spec/values/image/tag\n        value: "5.0.0"\n',
      },
      'overlay',
    ],
  ];

  it.each(cases)('%s', async (_name, files, folder) => {
    const root = writeTree(files);
    try {
      const { ours, theirs } = await bothBuilds(root, folder);
      expect(ours).toEqual(theirs);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses, as kustomize does, a patch without target whose object is in another namespace', async () => {
    const root = writeTree({
      'kustomization.yaml': 'resources: [a.yaml]\npatches:\n  - path: p.yaml\n',
      'a.yaml': release('a'),
      'p.yaml':
        'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: a\nspec:\n  suspend: true\n',
    });
    try {
      await expect(realKustomizeBuild(root)).rejects.toThrow(
        /no matches for Id/,
      );
      await expect(
        buildKustomization(checkoutRepository(root), ''),
      ).rejects.toThrow(
        'p.yaml: : the patch of HelmRelease a matches no object',
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('records where each value was written', async () => {
    const { build } = await bothBuilds(
      path.join(fixtures, 'flux2-kustomize-helm-example'),
      'apps/staging',
    );
    const podinfo = build.resources.find(r => r.object.kind === 'HelmRelease')!;
    expect(
      podinfo.provenance.get(['spec', 'chart', 'spec', 'version']),
    ).toEqual({
      file: 'apps/staging/podinfo-values.yaml',
      document: 0,
      path: ['spec', 'chart', 'spec', 'version'],
    });
    expect(podinfo.provenance.get(['spec', 'chart', 'spec', 'chart'])).toEqual({
      file: 'apps/base/podinfo/release.yaml',
      document: 0,
      path: ['spec', 'chart', 'spec', 'chart'],
    });
    expect(podinfo.patchedBy).toEqual([
      { file: 'apps/staging/podinfo-values.yaml', document: 0, path: [] },
    ]);
    expect([...build.files].sort()).toEqual([
      'apps/base/podinfo/kustomization.yaml',
      'apps/base/podinfo/namespace.yaml',
      'apps/base/podinfo/release.yaml',
      'apps/base/podinfo/repository.yaml',
      'apps/staging/kustomization.yaml',
      'apps/staging/podinfo-values.yaml',
    ]);
  });
});
