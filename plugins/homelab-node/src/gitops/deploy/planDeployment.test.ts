import path from 'node:path';
import { checkoutRepository } from '../files/checkoutRepository';
import { detectLayout } from '../layouts/detectLayout';
import { AppSpec } from './fluxManifests';
import { planDeployment } from './planDeployment';

const fixtures = path.resolve(__dirname, '../../../../../test/fixtures/gitops');

const whoami: AppSpec = {
  app: 'whoami',
  namespace: 'whoami',
  source: {
    kind: 'OCIRepository',
    url: 'oci://ghcr.io/home-operations/charts/echo',
    tag: '0.2.3',
  },
  values: { replicaCount: 1 },
  interval: '10m',
};

async function plan(
  fixture: string,
  spec: AppSpec,
  environments: string[],
  narrowPatches = true,
) {
  const repo = checkoutRepository(path.join(fixtures, fixture));
  return planDeployment(repo, await detectLayout(repo), spec, {
    environments,
    environmentValues: { production: { replicaCount: 2 } },
    narrowPatches,
  });
}

describe('planDeployment', () => {
  it("fluxcd/flux2-kustomize-helm-example: an OCI chart beside podinfo, with podinfo's patch narrowed to podinfo", async () => {
    const result = await plan('flux2-kustomize-helm-example', whoami, [
      'staging',
      'production',
    ]);
    expect(
      result.files.map(f => [
        f.path,
        f.before === undefined ? 'new' : 'edited',
      ]),
    ).toEqual([
      ['apps/base/whoami/namespace.yaml', 'new'],
      ['apps/base/whoami/repository.yaml', 'new'],
      ['apps/base/whoami/release.yaml', 'new'],
      ['apps/base/whoami/kustomization.yaml', 'new'],
      ['apps/staging/kustomization.yaml', 'edited'],
      ['apps/staging/whoami-source.yaml', 'new'],
      ['apps/production/kustomization.yaml', 'edited'],
      ['apps/production/whoami-source.yaml', 'new'],
      ['apps/production/whoami-values.yaml', 'new'],
    ]);
    expect(
      result.files.find(f => f.path === 'apps/staging/kustomization.yaml')!
        .after,
    ).toBe(
      `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../base/podinfo
  - ../base/whoami
patches:
  - path: podinfo-values.yaml
    target:
      kind: HelmRelease
      name: podinfo
  - path: whoami-source.yaml
    target:
      kind: OCIRepository
      name: whoami
`,
    );
    expect(result.notes).toEqual([
      'apps/staging/kustomization.yaml patches[0] (target {"kind":"HelmRelease"}, patching podinfo) now targets podinfo only, so whoami does not receive it.',
      'apps/production/kustomization.yaml patches[0] (target {"kind":"HelmRelease"}, patching podinfo) now targets podinfo only, so whoami does not receive it.',
    ]);
  });

  it('refuses instead of narrowing when told to', async () => {
    await expect(
      plan('flux2-kustomize-helm-example', whoami, ['staging'], false),
    ).rejects.toThrow(
      'apps/staging/kustomization.yaml patches[0] (target {"kind":"HelmRelease"}, patching podinfo) would also patch whoami. Narrow its target to podinfo',
    );
  });

  it('cluster-template with a folder per cluster: ks.yaml and app/ in a new namespace, following the siblings', async () => {
    const result = await plan(
      'home-ops-clusters',
      { ...whoami, namespace: 'network' },
      ['staging', 'production'],
    );
    const files = Object.fromEntries(result.files.map(f => [f.path, f.after]));
    expect(Object.keys(files)).toEqual(
      ['staging', 'production'].flatMap(env => [
        `kubernetes/${env}/apps/network/whoami/ks.yaml`,
        `kubernetes/${env}/apps/network/whoami/app/helmrelease.yaml`,
        `kubernetes/${env}/apps/network/whoami/app/ocirepository.yaml`,
        `kubernetes/${env}/apps/network/whoami/app/kustomization.yaml`,
        `kubernetes/${env}/apps/network/kustomization.yaml`,
        `kubernetes/${env}/apps/network/namespace.yaml`,
      ]),
    );
    expect(files['kubernetes/production/apps/network/whoami/ks.yaml']).toBe(`---
# yaml-language-server: $schema=https://k8s-schemas.home-operations.com/kustomize.toolkit.fluxcd.io/kustomization_v1.json
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: whoami
spec:
  interval: 1h
  path: ./kubernetes/production/apps/network/whoami/app
  postBuild:
    substitute:
      APP: whoami
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
    namespace: flux-system
  targetNamespace: network
  wait: false
`);
    expect(
      files['kubernetes/production/apps/network/whoami/app/helmrelease.yaml'],
    ).toContain(
      'spec:\n  interval: 10m\n  chartRef:\n    kind: OCIRepository\n    name: whoami\n  values:\n    replicaCount: 2\n',
    );
    expect(files['kubernetes/staging/apps/network/kustomization.yaml'])
      .toBe(`---
# yaml-language-server: $schema=https://json.schemastore.org/kustomization
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: network
components:
  - ../../components/alerts
  - ../../components/kopiur/secret
resources:
  - ./namespace.yaml
  - ./whoami/ks.yaml
`);
  });

  it('a one-cluster repository takes one environment', async () => {
    const result = await plan('home-ops', { ...whoami, namespace: 'default' }, [
      'production',
    ]);
    expect(result.files.map(f => f.path)).toContain(
      'kubernetes/apps/default/whoami/ks.yaml',
    );
    expect(
      result.files.find(
        f => f.path === 'kubernetes/apps/default/kustomization.yaml',
      )!.after,
    ).toContain('  - ./radarr/ks.yaml\n  - ./whoami/ks.yaml\n');
    await expect(
      plan('home-ops', whoami, ['staging', 'production']),
    ).rejects.toThrow(
      'The GitOps repository holds one cluster (kubernetes/flux/cluster); deploy to one environment, not staging, production',
    );
  });
});
