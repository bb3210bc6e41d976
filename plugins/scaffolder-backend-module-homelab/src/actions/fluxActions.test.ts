import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createFluxDeployAction } from './fluxDeployAction';
import { createFluxPromoteAction } from './fluxPromoteAction';
import {
  renderedEnvironment,
  validateWithFluxSchemas,
} from '../__testUtils__/fluxSchemas';
import { git } from '../__testUtils__/git';

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Answers as homelab-backend's /drift, /posture/findings and /slos do (shapes of its OpenAPI spec), from fixed data. */
async function startHomelabApiStandIn(answers: Record<string, unknown>) {
  const requests: Array<{ path: string; authorization?: string }> = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url!, authorization: req.headers.authorization });
    const key = Object.keys(answers).find(k => req.url!.startsWith(k));
    res.writeHead(key ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(key ? answers[key] : { error: 'not found' }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }/api/homelab`;
  return {
    url,
    requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const fresh = [
  {
    source: 'flux',
    cluster: 'staging',
    state: 'fresh',
    collectedAt: '2026-11-22T10:00:00Z',
  },
];

describe('homelab:flux:deploy and homelab:flux:promote on a real git repository', () => {
  let root: string;
  let bare: string;
  let workspace: string;
  const config = new ConfigReader({});

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-gitops-'));
    bare = path.join(root, 'gitops.git');
    git(root, 'init', '--bare', '-b', 'main', bare);
    const seed = path.join(root, 'seed');
    git(root, 'clone', bare, seed);
    fs.mkdirSync(path.join(seed, 'clusters/staging'), { recursive: true });
    fs.writeFileSync(
      path.join(seed, 'clusters/staging/apps.yaml'),
      '# Flux Kustomization of ./apps/staging\n',
    );
    git(seed, 'add', '.');
    git(seed, 'commit', '-m', 'seed');
    git(seed, 'push', 'origin', 'main');
    workspace = path.join(root, 'workspace');
    fs.mkdirSync(workspace);
    git(workspace, 'clone', bare, 'gitops');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const deployInput = {
    repoPath: 'gitops',
    app: 'podinfo',
    environments: ['staging', 'production'],
    source: {
      kind: 'HelmRepository',
      url: 'https://stefanprodan.github.io/podinfo',
      chart: 'podinfo',
      version: '6.7.1',
    },
    values: { image: { tag: '6.7.1' }, ui: { message: 'hello' } },
    environmentValues: { production: { replicaCount: 2 } },
  } as const;

  it('writes the exact files, which validate against the Flux schemas, and a second run changes nothing', async () => {
    const action = createFluxDeployAction({ config });
    const ctx = createMockActionContext({
      input: deployInput as any,
      workspacePath: workspace,
    });
    await action.handler(ctx);
    const tree = readTree(path.join(workspace, 'gitops'));
    expect(Object.keys(tree).sort()).toEqual([
      'apps/base/podinfo/kustomization.yaml',
      'apps/base/podinfo/namespace.yaml',
      'apps/base/podinfo/release.yaml',
      'apps/base/podinfo/repository.yaml',
      'apps/production/kustomization.yaml',
      'apps/production/podinfo-values.yaml',
      'apps/staging/kustomization.yaml',
      'apps/staging/podinfo-values.yaml',
      'clusters/staging/apps.yaml',
    ]);
    expect(tree['apps/base/podinfo/release.yaml'])
      .toBe(`apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
  namespace: podinfo
spec:
  interval: 10m
  chart:
    spec:
      chart: podinfo
      version: 6.7.1
      sourceRef:
        kind: HelmRepository
        name: podinfo
      interval: 10m
  install:
    remediation:
      retries: 3
  upgrade:
    remediation:
      retries: 3
  values:
    image:
      tag: 6.7.1
    ui:
      message: hello
`);
    expect(tree['apps/production/kustomization.yaml'])
      .toBe(`apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../base/podinfo
patches:
  - path: podinfo-values.yaml
`);
    expect(tree['apps/production/podinfo-values.yaml']).toContain(
      'replicaCount: 2',
    );
    for (const env of ['staging', 'production']) {
      expect(
        validateWithFluxSchemas(
          renderedEnvironment(tree, 'apps/base/podinfo', `apps/${env}`),
        ),
      ).toEqual([]);
    }
    expect(ctx.output).toHaveBeenCalledWith('kind', 'HelmRelease');

    const again = createMockActionContext({
      input: deployInput as any,
      workspacePath: workspace,
    });
    await action.handler(again);
    expect(again.output).toHaveBeenCalledWith('created', []);
    expect(again.output).toHaveBeenCalledWith('updated', []);
    expect(readTree(path.join(workspace, 'gitops'))).toEqual(tree);
  });

  it('the Flux schemas catch a broken manifest (the check can fail)', () => {
    expect(
      validateWithFluxSchemas({
        x: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: { name: x }\nspec: { chart: {} }\n',
      }),
    ).not.toEqual([]);
  });

  it('never overwrites a different existing file, and writes nothing then', async () => {
    const repo = path.join(workspace, 'gitops');
    fs.mkdirSync(path.join(repo, 'apps/base/podinfo'), { recursive: true });
    fs.writeFileSync(
      path.join(repo, 'apps/base/podinfo/release.yaml'),
      '# hand-written\n',
    );
    const ctx = createMockActionContext({
      input: deployInput as any,
      workspacePath: workspace,
    });
    await expect(
      createFluxDeployAction({ config }).handler(ctx),
    ).rejects.toThrow(
      'already exist with other content and were not overwritten (nothing was written): apps/base/podinfo/release.yaml',
    );
    expect(
      fs.existsSync(path.join(repo, 'apps/base/podinfo/namespace.yaml')),
    ).toBe(false);
  });

  it('refuses a repository whose apps folder has another layout', async () => {
    fs.mkdirSync(path.join(workspace, 'gitops/apps/podinfo'), {
      recursive: true,
    });
    const ctx = createMockActionContext({
      input: deployInput as any,
      workspacePath: workspace,
    });
    await expect(
      createFluxDeployAction({ config }).handler(ctx),
    ).rejects.toThrow(
      /apps folder \(podinfo\) without apps\/base.*homelab.gitops.baseDir/,
    );
  });

  it('deploy, then promote staging to production after a new staging version: the round trip through git', async () => {
    await createFluxDeployAction({ config }).handler(
      createMockActionContext({
        input: deployInput as any,
        workspacePath: workspace,
      }),
    );
    const repo = path.join(workspace, 'gitops');
    git(repo, 'add', '.');
    git(repo, 'commit', '-m', 'deploy podinfo');
    git(repo, 'push', 'origin', 'main');

    // Renovate bumps staging.
    const stagingValues = path.join(repo, 'apps/staging/podinfo-values.yaml');
    fs.writeFileSync(
      stagingValues,
      `${fs
        .readFileSync(stagingValues, 'utf8')
        .replace(
          'version: 6.7.1',
          'version: 6.8.0',
        )}  values:\n    image:\n      tag: 6.8.0\n    ingress:\n      host: podinfo.staging.lab\n`,
    );
    git(repo, 'commit', '-am', 'podinfo 6.8.0 in staging');
    git(repo, 'push', 'origin', 'main');

    const api = await startHomelabApiStandIn({
      '/api/homelab/drift': {
        environments: ['staging', 'production'],
        apps: [
          {
            app: 'podinfo',
            inSync: false,
            behind: ['production'],
            missing: [],
            releases: [
              {
                environment: 'staging',
                cluster: 'staging',
                kind: 'HelmRelease',
                namespace: 'podinfo',
                name: 'podinfo',
                chart: 'podinfo',
                version: '6.8.0',
                ready: 'True',
              },
              {
                environment: 'production',
                cluster: 'production',
                kind: 'HelmRelease',
                namespace: 'podinfo',
                name: 'podinfo',
                chart: 'podinfo',
                version: '6.7.1',
                ready: 'True',
              },
            ],
          },
        ],
        freshness: fresh,
      },
      '/api/homelab/posture/findings': {
        items: [],
        total: 0,
        offset: 0,
        limit: 500,
        freshness: [{ source: 'security', cluster: 'staging', state: 'fresh' }],
      },
      '/api/homelab/slos': { items: [], freshness: [] },
    });
    try {
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockResolvedValue([
        { result: AuthorizeResult.ALLOW },
      ]);
      const promote = createFluxPromoteAction({
        config,
        discovery: {
          getBaseUrl: async () => api.url,
          getExternalBaseUrl: async () => api.url,
        },
        auth: mockServices.auth(),
        permissions,
      });
      const clone = path.join(root, 'promote-workspace');
      fs.mkdirSync(clone);
      git(clone, 'clone', bare, 'gitops');
      const input = {
        repoPath: 'gitops',
        app: 'podinfo',
        from: 'staging',
        to: 'production',
      };
      const ctx = createMockActionContext({ input, workspacePath: clone });
      await promote.handler(ctx);

      const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
      expect(outputs.changed).toBe(true);
      expect(outputs.fromVersion).toBe('6.7.1');
      expect(outputs.toVersion).toBe('6.8.0');
      expect(
        fs.readFileSync(
          path.join(clone, 'gitops/apps/production/podinfo-values.yaml'),
          'utf8',
        ),
      ).toBe(`apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
  namespace: podinfo
spec:
  chart:
    spec:
      version: 6.8.0
  values:
    replicaCount: 2
    image:
      tag: 6.8.0
`);
      expect(outputs.summary).toContain('Chart version: `6.7.1` → `6.8.0`');
      expect(outputs.summary).toContain('`ingress.host`');
      expect(outputs.diff).toContain(
        '-      version: 6.7.1\n+      version: 6.8.0',
      );
      expect(outputs.gates.map((g: any) => [g.gate, g.passed])).toEqual([
        ['fluxReady', true],
        ['criticalVulnerabilities', true],
        ['errorBudget', null],
      ]);
      // The gates were asked with a token, on behalf of the user.
      expect(
        api.requests.every(r => r.authorization?.startsWith('Bearer ')),
      ).toBe(true);
      const promoted = renderedEnvironment(
        readTree(path.join(clone, 'gitops')),
        'apps/base/podinfo',
        'apps/production',
      );
      expect(validateWithFluxSchemas(promoted)).toEqual([]);
      expect(
        JSON.parse(promoted['apps/base/podinfo/release.yaml']).spec.chart.spec
          .version,
      ).toBe('6.8.0');

      // Promoting again changes nothing.
      const again = createMockActionContext({ input, workspacePath: clone });
      await promote.handler(again);
      expect(
        Object.fromEntries((again.output as jest.Mock).mock.calls).changed,
      ).toBe(false);
    } finally {
      await api.close();
    }
  });

  it('a failed required gate stops the promotion with its reasons and writes nothing', async () => {
    await createFluxDeployAction({ config }).handler(
      createMockActionContext({
        input: deployInput as any,
        workspacePath: workspace,
      }),
    );
    const api = await startHomelabApiStandIn({
      '/api/homelab/drift': {
        environments: ['staging', 'production'],
        apps: [
          {
            app: 'podinfo',
            inSync: true,
            behind: [],
            missing: [],
            releases: [
              {
                environment: 'staging',
                cluster: 'staging',
                kind: 'HelmRelease',
                namespace: 'flux-system',
                targetNamespace: 'podinfo',
                name: 'podinfo',
                version: '6.7.1',
                ready: 'False',
              },
            ],
          },
        ],
        freshness: fresh,
      },
      '/api/homelab/posture/findings': {
        items: [
          {
            id: 'a',
            cluster: 'staging',
            namespace: 'podinfo',
            source: 'vulnerability',
            severity: 'critical',
            checkId: 'CVE-2026-1111',
            title: 'x',
          },
        ],
        total: 1,
        offset: 0,
        limit: 500,
        freshness: [],
      },
      '/api/homelab/slos': { items: [], freshness: [] },
    });
    try {
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockResolvedValue([
        { result: AuthorizeResult.ALLOW },
      ]);
      const before = readTree(path.join(workspace, 'gitops'));
      const ctx = createMockActionContext({
        input: {
          repoPath: 'gitops',
          app: 'podinfo',
          from: 'staging',
          to: 'production',
        },
        workspacePath: workspace,
      });
      await expect(
        createFluxPromoteAction({
          config,
          discovery: {
            getBaseUrl: async () => api.url,
            getExternalBaseUrl: async () => api.url,
          },
          auth: mockServices.auth(),
          permissions,
        }).handler(ctx),
      ).rejects.toThrow(
        /stopped by required gates: fluxReady failed: HelmRelease flux-system\/podinfo in staging is not Ready \(False\) \| criticalVulnerabilities failed: 1 critical vulnerabilities in staging that production does not have: CVE-2026-1111/,
      );
      // Findings are asked for where the release's workloads run.
      expect(
        api.requests.filter(r => r.path.includes('/posture/findings')),
      ).toEqual([
        expect.objectContaining({
          path: expect.stringContaining('cluster=staging&namespace=podinfo&'),
        }),
      ]);
      expect(readTree(path.join(workspace, 'gitops'))).toEqual(before);
    } finally {
      await api.close();
    }
  });

  it('refuses a user without the promote permission', async () => {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);
    const ctx = createMockActionContext({
      input: {
        repoPath: 'gitops',
        app: 'podinfo',
        from: 'staging',
        to: 'production',
      },
      workspacePath: workspace,
    });
    await expect(
      createFluxPromoteAction({
        config,
        discovery: {
          getBaseUrl: async () => 'http://127.0.0.1:1',
          getExternalBaseUrl: async () => '',
        },
        auth: mockServices.auth(),
        permissions,
      }).handler(ctx),
    ).rejects.toThrow(
      'not allowed to promote podinfo to production (permission homelab.release.promote)',
    );
  });
});
