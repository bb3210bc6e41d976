import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { realFluxRender } from '@homelab/plugin-homelab-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { fluxSchemaProblems } from '../__testUtils__/fluxSchemas';
import { gitopsWorkspace } from '../__testUtils__/gitopsWorkspace';
import {
  homelabAnswers,
  promoteActionFor,
} from '../__testUtils__/homelabApiAnswers';
import { startHomelabApiStandIn } from '../__testUtils__/homelabApiStandIn';
import { createFluxDeployAction } from './fluxDeployAction';

const root = path.resolve(__dirname, '../../../..');
const config = new ConfigReader({});

interface Layout {
  title: string;
  source: string;
  namespace: string;
  /** The file Renovate edits to move the new app's chart in staging. */
  stagingChartFile: string;
  existing: {
    app: string;
    running: string;
    production: Record<string, string>;
  };
}

const layouts: Layout[] = [
  {
    title: 'fluxcd/flux2-kustomize-helm-example',
    source: 'test/fixtures/gitops/flux2-kustomize-helm-example',
    namespace: 'whoami',
    stagingChartFile: 'apps/staging/whoami-source.yaml',
    existing: {
      app: 'podinfo',
      running: '6.9.2',
      production: {
        'apps/production/podinfo-values.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
  namespace: podinfo
spec:
  chart:
    spec:
      version: "6.9.2"
  values:
    httpRoute:
      hostnames:
        - podinfo.production
`,
      },
    },
  },
  {
    title: 'onedr0p/cluster-template, a folder per cluster (onedr0p/home-ops)',
    source: 'test/fixtures/gitops/home-ops-clusters',
    namespace: 'network',
    stagingChartFile:
      'kubernetes/staging/apps/network/whoami/app/ocirepository.yaml',
    existing: {
      app: 'atuin',
      running: '5.1.0',
      production: {
        'kubernetes/production/apps/default/atuin/app/ocirepository.yaml':
          fs.readFileSync(
            path.join(
              root,
              'test/fixtures/gitops/home-ops-clusters/kubernetes/staging/apps/default/atuin/app/ocirepository.yaml',
            ),
            'utf8',
          ),
        // Only the image tag differed from staging's.
        'kubernetes/production/apps/default/atuin/app/helmrelease.yaml':
          fs.readFileSync(
            path.join(
              root,
              'test/fixtures/gitops/home-ops-clusters/kubernetes/staging/apps/default/atuin/app/helmrelease.yaml',
            ),
            'utf8',
          ),
      },
    },
  },
  {
    title: "the project's examples/gitops",
    source: 'examples/gitops',
    namespace: 'whoami',
    stagingChartFile: 'apps/staging/whoami-source.yaml',
    existing: {
      app: 'nextcloud',
      running: '6.6.4',
      production: {
        'apps/production/nextcloud-values.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: nextcloud
  namespace: flux-system
spec:
  chart:
    spec:
      version: 6.6.4
  values:
    nextcloud:
      host: cloud.local.hallonen.se
    replicaCount: 2
`,
      },
    },
  },
];

const outputsOf = (ctx: { output: unknown }) =>
  Object.fromEntries((ctx.output as jest.Mock).mock.calls);

describe.each(layouts)('deploy and promote on $title', layout => {
  let repo: ReturnType<typeof gitopsWorkspace>;
  beforeAll(() => {
    repo = gitopsWorkspace(path.join(root, layout.source));
  });
  afterAll(() => repo.cleanup());

  const render = async (workspace: string, environment: string) =>
    realFluxRender(path.join(workspace, 'gitops'), environment);
  const promote = async (app: string, running: Record<string, string>) => {
    const api = await startHomelabApiStandIn(
      homelabAnswers({ running, readyHoursAgo: 48 }),
    );
    try {
      const workspace = repo.clone();
      const ctx = createMockActionContext({
        input: { repoPath: 'gitops', app, from: 'staging', to: 'production' },
        workspacePath: workspace,
      });
      await promoteActionFor(config, api.url).handler(ctx);
      return { workspace, outputs: outputsOf(ctx) };
    } finally {
      await api.close();
    }
  };

  it('renders every environment, deploys a new OCI chart, promotes it and an existing app, and reruns change nothing', async () => {
    // Before: every environment renders, and its Flux objects validate.
    const start = repo.clone();
    const before = {
      staging: await render(start, 'staging'),
      production: await render(start, 'production'),
    };
    for (const objects of Object.values(before)) {
      expect(fluxSchemaProblems(Object.values(objects))).toEqual([]);
    }

    // Deploy whoami (an OCI chart) to both environments.
    const deployInput = {
      repoPath: 'gitops',
      app: 'whoami',
      namespace: layout.namespace,
      environments: ['system:default/staging', 'production'],
      source: {
        kind: 'OCIRepository',
        url: 'oci://ghcr.io/home-operations/charts/echo',
        tag: '0.2.3',
      },
      values: 'replicaCount: 1\n',
      environmentValues: { production: { replicaCount: 2 } },
    };
    const deploy = createMockActionContext({
      input: deployInput as any,
      workspacePath: start,
    });
    await createFluxDeployAction({ config }).handler(deploy);
    expect(outputsOf(deploy).kind).toBe('HelmRelease');
    repo.push(start, 'deploy whoami');

    const deployed = {
      staging: await render(start, 'staging'),
      production: await render(start, 'production'),
    };
    for (const [environment, objects] of Object.entries(deployed)) {
      expect(fluxSchemaProblems(Object.values(objects))).toEqual([]);
      // Nothing that was there changed: no app received another app's patch.
      for (const [key, object] of Object.entries(
        before[environment as keyof typeof before],
      )) {
        expect([key, object]).toEqual([key, objects[key]]);
      }
      const release = Object.values(objects).find(
        o => o.kind === 'HelmRelease' && o.metadata.name === 'whoami',
      )!;
      expect(release.spec.chartRef).toEqual({
        kind: 'OCIRepository',
        name: 'whoami',
      });
      expect(release.spec.chart).toBeUndefined();
      expect(release.spec.values).toEqual({
        replicaCount: environment === 'production' ? 2 : 1,
      });
      expect(release.spec.test).toBeUndefined();
      const source = Object.values(objects).find(
        o => o.kind === 'OCIRepository' && o.metadata.name === 'whoami',
      )!;
      expect(source.spec.ref).toEqual({ tag: '0.2.3' });
    }

    // A second run changes nothing.
    const again = repo.clone();
    const rerun = createMockActionContext({
      input: deployInput as any,
      workspacePath: again,
    });
    await createFluxDeployAction({ config }).handler(rerun);
    expect(outputsOf(rerun)).toMatchObject({ created: [], updated: [] });

    // Renovate moves staging's chart; promote it.
    const bump = repo.clone();
    const file = path.join(bump, 'gitops', layout.stagingChartFile);
    const document = parseDocument(fs.readFileSync(file, 'utf8'));
    document.setIn(['spec', 'ref', 'tag'], '0.2.4');
    fs.writeFileSync(file, document.toString());
    repo.push(bump, 'whoami 0.2.4 in staging');
    const stagingBefore = await render(bump, 'staging');

    const promotedNew = await promote('whoami', { whoami: '0.2.4' });
    expect(promotedNew.outputs).toMatchObject({
      changed: true,
      fromVersion: '0.2.3',
      toVersion: '0.2.4',
    });
    const production = await render(promotedNew.workspace, 'production');
    expect(
      Object.values(production).find(
        o => o.kind === 'OCIRepository' && o.metadata.name === 'whoami',
      )!.spec.ref,
    ).toEqual({ tag: '0.2.4' });
    expect(await render(promotedNew.workspace, 'staging')).toEqual(
      stagingBefore,
    );
    expect(fluxSchemaProblems(Object.values(production))).toEqual([]);

    // The existing app, in the file the layout keeps its version in, byte for byte.
    const promotedExisting = await promote(layout.existing.app, {
      [layout.existing.app]: layout.existing.running,
    });
    expect(promotedExisting.outputs.changed).toBe(true);
    expect(promotedExisting.outputs.summary).not.toMatch(/undefined|unset/);
    for (const [changed, text] of Object.entries(layout.existing.production)) {
      expect(
        fs.readFileSync(
          path.join(promotedExisting.workspace, 'gitops', changed),
          'utf8',
        ),
      ).toBe(text);
    }
    repo.push(promotedExisting.workspace, `promote ${layout.existing.app}`);
    const rendered = await render(promotedExisting.workspace, 'production');
    expect(fluxSchemaProblems(Object.values(rendered))).toEqual([]);

    // Promoting again changes nothing.
    const rerunPromotion = await promote(layout.existing.app, {
      [layout.existing.app]: layout.existing.running,
    });
    expect(rerunPromotion.outputs.changed).toBe(false);
  }, 180_000);
});
