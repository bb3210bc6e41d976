import path from 'node:path';
import { checkoutRepository } from '../files/checkoutRepository';
import { detectLayout } from '../layouts/detectLayout';
import { planPromotion } from './planPromotion';

const root = path.resolve(__dirname, '../../../../..');
const fixture = (name: string) =>
  checkoutRepository(path.join(root, 'test/fixtures/gitops', name));

async function plan(repoName: string, app: string, runningVersion?: string) {
  const repo =
    repoName === 'examples/gitops'
      ? checkoutRepository(path.join(root, 'examples/gitops'))
      : fixture(repoName);
  return planPromotion(repo, await detectLayout(repo), {
    app,
    from: 'staging',
    to: 'production',
    runningVersion,
  });
}

describe('planPromotion', () => {
  it('fluxcd/flux2-kustomize-helm-example: pins production to the version staging runs, in the values patch', async () => {
    const result = await plan(
      'flux2-kustomize-helm-example',
      'podinfo',
      '6.9.2',
    );
    expect(result.layout).toBe(
      'fluxcd/flux2-kustomize-helm-example (clusters/production, clusters/staging)',
    );
    expect(result.sourceVersion).toEqual({
      declared: '>=1.0.0-alpha',
      promoted: '6.9.2',
      label: 'HelmRelease podinfo chart version',
    });
    expect(result.targetVersion).toBe('>=1.0.0');
    expect(result.changes).toEqual([
      {
        slot: 'chart',
        label: 'HelmRelease podinfo chart version',
        before: '>=1.0.0',
        after: '6.9.2',
        origin: {
          file: 'apps/production/podinfo-values.yaml',
          document: 0,
          path: ['spec', 'chart', 'spec', 'version'],
        },
        writtenAt:
          'apps/production/podinfo-values.yaml: spec.chart.spec.version',
      },
    ]);
    expect(result.diff).toBe(`--- a/apps/production/podinfo-values.yaml
+++ b/apps/production/podinfo-values.yaml
@@ -6,7 +6,7 @@
 spec:
   chart:
     spec:
-      version: ">=1.0.0"
+      version: "6.9.2"
   values:
     httpRoute:
       hostnames:
`);
    expect(result.notes).toEqual([
      'staging declares the range >=1.0.0-alpha and runs 6.9.2; 6.9.2 is what is promoted.',
      'production followed the range >=1.0.0; it is now pinned to 6.9.2.',
    ]);
    expect(result.valuesLeftAlone).toEqual(['httpRoute.hostnames']);
  });

  it('refuses to promote a range when the version staging runs is unknown or outside it', async () => {
    await expect(
      plan('flux2-kustomize-helm-example', 'podinfo'),
    ).rejects.toThrow(
      'staging declares the range >=1.0.0-alpha for HelmRelease podinfo chart version, so the version it runs must come from the cluster, and none is known.',
    );
    await expect(
      plan('flux2-kustomize-helm-example', 'podinfo', '0.9.0'),
    ).rejects.toThrow('but runs 0.9.0, which that does not allow');
  });

  it('cluster-template with a folder per cluster: the OCIRepository tag and the image tag', async () => {
    const result = await plan('home-ops-clusters', 'atuin');
    expect(
      result.changes.map(c => [c.label, c.before, c.after, c.writtenAt]),
    ).toEqual([
      [
        'OCIRepository atuin ref.tag',
        '5.0.1',
        '5.1.0',
        'kubernetes/production/apps/default/atuin/app/ocirepository.yaml: spec.ref.tag',
      ],
      [
        'image tag controllers.atuin.containers.app.image.tag',
        '18.18.1@sha256:8573bcd8343325e3de6f8322787881faeb9e82bee703b5969a55005b69d62e24',
        '18.19.0@sha256:4d0ccca1d151f860b3f469c60df78bf1ab798f15e88dc1912d31d6741653eb99',
        'kubernetes/production/apps/default/atuin/app/helmrelease.yaml: spec.values.controllers.atuin.containers.app.image.tag',
      ],
    ]);
    expect(result.files.map(f => f.path)).toEqual([
      'kubernetes/production/apps/default/atuin/app/ocirepository.yaml',
      'kubernetes/production/apps/default/atuin/app/helmrelease.yaml',
    ]);
  });

  it("the project's examples/gitops: the version of the production values patch", async () => {
    const result = await plan('examples/gitops', 'nextcloud');
    expect(result.changes.map(c => [c.before, c.after, c.writtenAt])).toEqual([
      [
        '6.5.2',
        '6.6.4',
        'apps/production/nextcloud-values.yaml: spec.chart.spec.version',
      ],
    ]);
    expect(result.valuesLeftAlone).toEqual([
      'nextcloud.host',
      'persistence.size',
      'replicaCount',
    ]);
  });

  it('refuses a repository of one cluster', async () => {
    await expect(plan('home-ops', 'atuin')).rejects.toThrow(
      'The GitOps repository holds one cluster (kubernetes/flux/cluster); there is no environment to promote atuin to',
    );
  });
});
