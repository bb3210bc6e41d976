/*
 * Promotion across a GitOps repository of 500 apps (HOMELAB_BENCH_APPS to
 * change) in the layout of fluxcd/flux2-kustomize-helm-example as published
 * (test/fixtures/gitops: clusters/<env> with an ArtifactGenerator, podinfo's
 * values patch targeting every HelmRelease), each app deployed to staging
 * and production by homelab:flux:deploy into a real git repository, after a
 * Renovate-style commit has moved every staging chart version ahead.
 *
 * 1. deploy: the 500 apps written by the deploy action, one after another
 *    (each deploy renders both environments before and after, as Flux would);
 * 2. one promotion: homelab:flux:promote of a single app in the 500-app
 *    repository (median of 9 different apps), gates off: the rendering and
 *    file work;
 * 3. every app: the 500 promotions one after another, gates off, then the
 *    result committed (git sees 500 changed files);
 * 4. gates: 20 promotions with every gate asked over HTTP of a local
 *    stand-in for homelab-backend that answers /drift, /posture/findings
 *    and /slos with the shapes and sizes of a 500-app estate.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFluxDeployAction } from '../../plugins/scaffolder-backend-module-homelab/src/actions/fluxDeployAction';
import { createFluxPromoteAction } from '../../plugins/scaffolder-backend-module-homelab/src/actions/fluxPromoteAction';
import { git } from '../../plugins/scaffolder-backend-module-homelab/src/__testUtils__/git';
import { startHomelabApiStandIn } from '../../plugins/scaffolder-backend-module-homelab/src/__testUtils__/homelabApiStandIn';
import { median, reportResult, round, runBenchmark, timed } from './lib/report';

const APPS = Number(process.env.HOMELAB_BENCH_APPS ?? 500);
const GATED = 20;
const appName = (i: number) => `app-${String(i).padStart(3, '0')}`;

/** A logger that drops everything: the bench measures the actions, not logging. */
const quiet: any = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => quiet,
};

/** What the scaffolder hands an action, for one run outside jest. */
function actionContext(workspacePath: string, input: Record<string, unknown>) {
  const outputs: Record<string, unknown> = {};
  const context: any = {
    input,
    workspacePath,
    logger: quiet,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
    getInitiatorCredentials: async () => ({
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: 'user:default/bench' },
    }),
    isDryRun: false,
    task: { id: 'bench' },
  };
  return { context, outputs };
}

const allowAll: any = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
};

/** homelab-backend's answers for a 500-app estate, in the shapes of its OpenAPI spec. */
async function startEstateApi() {
  const fresh = [
    { source: 'flux', state: 'fresh', collectedAt: new Date().toISOString() },
  ];
  const drift = {
    environments: ['staging', 'production'],
    apps: Array.from({ length: APPS }, (_, i) => ({
      app: appName(i),
      inSync: false,
      behind: ['production'],
      missing: [],
      releases: ['staging', 'production'].map(environment => ({
        environment,
        cluster: environment,
        kind: 'HelmRelease',
        namespace: appName(i),
        name: appName(i),
        chart: appName(i),
        version: environment === 'staging' ? '1.1.0' : '1.0.0',
        ready: 'True',
        readySince: new Date(Date.now() - 48 * 3_600_000).toISOString(),
      })),
    })),
    freshness: fresh,
  };
  const findings = {
    items: [],
    total: 0,
    offset: 0,
    limit: 500,
    freshness: [{ source: 'security', state: 'fresh' }],
  };
  const slos = {
    items: Array.from({ length: APPS }, (_, i) => ({
      slo: {
        id: `slo-${i}`,
        name: `${appName(i)}-availability`,
        service: appName(i),
        objective: 0.999,
        periodSeconds: 2592000,
        source: 'openslo',
        origin: 'bench',
        errorRatioQuery: 'x',
      },
      state: 'ok',
      sli: 0.9995,
      errorBudgetRemaining: 0.5,
      burnRates: [],
      alert: 'none',
    })),
    freshness: fresh,
  };
  const answers = {
    '/api/homelab/drift': drift,
    '/api/homelab/posture/findings': findings,
    '/api/homelab/slos': slos,
  };
  const server = await startHomelabApiStandIn(answers);
  return {
    ...server,
    bytes: Object.values(answers).reduce(
      (sum, answer) => sum + JSON.stringify(answer).length,
      0,
    ),
  };
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-bench-promote-'));
  const repo = path.join(root, 'gitops');
  fs.cpSync(
    path.resolve(__dirname, '../fixtures/gitops/flux2-kustomize-helm-example'),
    repo,
    { recursive: true },
  );
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'fluxcd/flux2-kustomize-helm-example');

  const deploy = createFluxDeployAction({ config: new ConfigReader({}) });
  const deployed = await timed(async () => {
    for (let i = 0; i < APPS; i++) {
      await deploy.handler(
        actionContext(root, {
          repoPath: 'gitops',
          app: appName(i),
          environments: ['staging', 'production'],
          source: {
            kind: 'HelmRepository',
            url: `https://charts.example.org/${appName(i)}`,
            chart: appName(i),
            version: '1.0.0',
          },
          values: { image: { tag: '1.0.0' }, replicaCount: 1 },
          environmentValues: { production: { replicaCount: 2 } },
        }).context,
      );
    }
  });
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', `${APPS} apps`);
  // Renovate moves every staging chart ahead.
  for (let i = 0; i < APPS; i++) {
    const file = path.join(repo, `apps/staging/${appName(i)}-values.yaml`);
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('version: 1.0.0', 'version: 1.1.0'),
    );
  }
  git(repo, 'commit', '-q', '-am', 'staging 1.1.0');
  const files = git(repo, 'ls-files').trim().split('\n').length;

  const noGates = new ConfigReader({
    homelab: {
      promotion: {
        gates: {
          fluxReady: 'off',
          criticalVulnerabilities: 'off',
          errorBudget: 'off',
          soakTime: 'off',
          freezeWindows: 'off',
        },
      },
    },
  });
  const promoteWith = (config: ConfigReader, baseUrl: string) =>
    createFluxPromoteAction({
      config,
      discovery: {
        getBaseUrl: async () => baseUrl,
        getExternalBaseUrl: async () => baseUrl,
      },
      auth: mockServices.auth(),
      permissions: allowAll,
    });
  const promote = async (
    action: ReturnType<typeof promoteWith>,
    app: string,
  ) => {
    const { context, outputs } = actionContext(root, {
      repoPath: 'gitops',
      app,
      from: 'staging',
      to: 'production',
    });
    await action.handler(context);
    if (!outputs.changed)
      throw new Error(
        `${app} was not promoted: ${JSON.stringify(outputs).slice(0, 1500)}`,
      );
  };

  const ungated = promoteWith(noGates, 'http://127.0.0.1:1');
  const single: number[] = [];
  for (let i = 0; i < 9; i++) {
    single.push(
      (await timed(() => promote(ungated, appName(Math.floor((i * APPS) / 9)))))
        .ms,
    );
  }
  git(repo, 'checkout', '-q', '.');

  const all = await timed(async () => {
    for (let i = 0; i < APPS; i++) await promote(ungated, appName(i));
  });
  const changed = git(repo, 'status', '--porcelain').trim().split('\n').length;
  if (changed !== APPS)
    throw new Error(`${changed} files changed, not ${APPS}`);
  git(repo, 'checkout', '-q', '.');

  const api = await startEstateApi();
  const gated: number[] = [];
  try {
    const action = promoteWith(new ConfigReader({}), api.url);
    for (let i = 0; i < GATED; i++) {
      gated.push(
        (
          await timed(() =>
            promote(action, appName(Math.floor((i * APPS) / GATED))),
          )
        ).ms,
      );
    }
  } finally {
    await api.close();
  }
  fs.rmSync(root, { recursive: true, force: true });

  reportResult(
    `promotion across a GitOps repository of ${APPS} apps (flux2-kustomize-helm-example layout)`,
    {
      'repository files': files,
      'deploy all apps, s': round(deployed.ms / 1000, 2),
      'promote one app, median ms (gates off)': round(median(single)),
      'promote every app one by one, s (gates off)': round(all.ms / 1000, 2),
      'promote every app, ms per app': round(all.ms / APPS),
      [`promote one app with every gate over HTTP, median ms (of ${GATED})`]:
        round(median(gated)),
      'homelab API answers a promotion reads (drift, findings, SLOs), KB':
        round(api.bytes / 1024),
      'peak RSS, MB': round(process.memoryUsage().rss / 1024 / 1024),
    },
  );
}

runBenchmark(main);
