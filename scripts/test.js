/*
 * The whole test suite, as `npm test` runs it:
 *
 *   prerequisites  PostgreSQL reachable; Debian's Chromium, Prometheus and MkDocs present; a kustomize
 *   lint           backstage-cli repo lint
 *   format         prettier --check over the whole repository
 *   knip           no unused file, dependency or export (knip.jsonc)
 *   function-length
 *                  no function over 120 lines in the plugins' source
 *                  (scripts/check-function-length.js)
 *   types          tsc over every package and test/, emitting declarations
 *   api            API reports of the plugins unchanged (backstage-repo-tools)
 *   openapi-lint   OpenAPI specs pass Backstage's Spectral rules, strictly
 *   openapi-sync   generated OpenAPI routers match their specs
 *   openapi-types  generated OpenAPI client types match their specs
 *   unit           jest in every package; backend tests on SQLite and PostgreSQL
 *   build          every package built, every plugin packed (scripts/build.js)
 *   fresh-instance the packed plugins installed into a fresh Backstage 1.55
 *                  backend outside the workspaces, as docs/install.md says,
 *                  and checked running (test/fresh-instance/run.js)
 *   e2e            Playwright with Debian's Chromium against the running portal
 *
 *   node scripts/test.js [unit|e2e]   runs the prerequisites and that part only
 *
 * Run it through scripts/with-supported-node.js (the npm scripts do), so the
 * tools run on a Node that Backstage supports.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const {
  ensureChromium,
  ensureKustomize,
  ensureMkdocs,
  ensurePostgres,
  ensurePrometheus,
} = require('./test-prerequisites');

const repoRoot = path.resolve(__dirname, '..');

/** The plugin packages, whose public API is tracked in report*.api.md. */
function pluginDirs() {
  return fs
    .readdirSync(path.join(repoRoot, 'plugins'), { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => `plugins/${entry.name}`)
    .filter(dir => fs.existsSync(path.join(repoRoot, dir, 'package.json')));
}

function step(name, command, args, { env = {}, needs } = {}) {
  return { name, command, args, env, needs };
}

function runStep({ name, command, args, env }) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  return {
    name,
    ok: result.status === 0,
    seconds: (Date.now() - started) / 1000,
  };
}

function testEnvironment(postgres, chromium, kustomize) {
  return {
    ...(kustomize ? { HOMELAB_KUSTOMIZE: kustomize } : {}),
    CI: 'true', // jest runs once instead of watching
    // Backend tests use exactly the databases named here: SQLite always, and
    // this PostgreSQL under the id of its own major version. Never Docker.
    BACKSTAGE_TEST_DISABLE_DOCKER: '1',
    [`BACKSTAGE_TEST_DATABASE_POSTGRES${postgres.major}_CONNECTION_STRING`]:
      postgres.url,
    HOMELAB_CHROMIUM: chromium,
  };
}

async function main() {
  const part = process.argv[2] ?? 'all';
  if (!['all', 'unit', 'e2e'].includes(part)) {
    throw new Error(`unknown part ${part}; use unit, e2e or nothing for all`);
  }

  const started = Date.now();
  const postgres = await ensurePostgres();
  const chromium = ensureChromium();
  ensurePrometheus();
  ensureMkdocs();
  const kustomize = ensureKustomize();
  console.log(
    `PostgreSQL ${postgres.major} at ${postgres.url.replace(
      /:[^:@/]+@/,
      ':***@',
    )}; Chromium at ${chromium}`,
  );
  const env = testEnvironment(postgres, chromium, kustomize);

  const steps = {
    lint: step('lint', 'backstage-cli', ['repo', 'lint']),
    format: step('format', 'prettier', ['--check', '.']),
    knip: step('knip', 'knip', ['--no-progress']),
    'function-length': step('function-length', 'node', [
      'scripts/check-function-length.js',
    ]),
    // Emits declarations to dist-types/, which the API reports and builds read.
    // A full emit: an incremental one keeps the declarations of unchanged
    // files, whose inferred zod types can list members in another order than
    // a clean build (CI's) does, and the API reports would disagree.
    types: step('types', 'tsc', ['--incremental', 'false']),
    // Workspace packages resolve each other's types to their sources, which
    // API Extractor flags as ae-wrong-input-file-type; that alone is omitted.
    api: step(
      'api',
      'backstage-repo-tools',
      [
        'api-reports',
        '--ci',
        '-o',
        'ae-wrong-input-file-type',
        ...pluginDirs(),
      ],
      { needs: 'types' },
    ),
    'openapi-lint': step('openapi-lint', 'backstage-repo-tools', [
      'repo',
      'schema',
      'openapi',
      'lint',
      '--strict',
    ]),
    // Checks that each generated router matches its YAML. The check imports
    // the router's TypeScript, which Node 22 would load as an ES module with
    // its own type stripping; the CLI's transform loads it as repo-tools
    // expects.
    'openapi-sync': step(
      'openapi-sync',
      'backstage-repo-tools',
      ['repo', 'schema', 'openapi', 'validate'],
      {
        env: {
          NODE_OPTIONS:
            '--no-experimental-strip-types --require @backstage/cli/config/nodeTransform.cjs',
        },
      },
    ),
    // homelab-common's client is typed from homelab-backend's spec through
    // types generated from it (scripts/generate-openapi-types.js).
    'openapi-types': step('openapi-types', 'npm', [
      'run',
      '--silent',
      '--workspace',
      '@homelab/plugin-homelab-common',
      'generate:openapi',
      '--',
      '--check',
    ]),
    unit: step('unit', 'backstage-cli', ['repo', 'test'], { env }),
    build: step('build', 'node', ['scripts/build.js']),
    'fresh-instance': step(
      'fresh-instance',
      'node',
      ['test/fresh-instance/run.js'],
      { needs: 'build' },
    ),
    e2e: step(
      'e2e',
      'playwright',
      ['test', '--config', 'test/e2e/playwright.config.ts'],
      { env, needs: 'build' },
    ),
  };
  const plan = {
    all: [
      'lint',
      'format',
      'knip',
      'function-length',
      'types',
      'api',
      'openapi-lint',
      'openapi-sync',
      'openapi-types',
      'unit',
      'build',
      'fresh-instance',
      'e2e',
    ],
    unit: ['unit'],
    e2e: ['build', 'e2e'],
  }[part];

  // Every step runs, so one run reports every failure; only a step whose
  // prerequisite failed is skipped.
  const results = new Map();
  for (const name of plan) {
    const { needs } = steps[name];
    results.set(
      name,
      needs && !results.get(needs)?.ok
        ? { name, ok: false, skipped: `${needs} failed` }
        : runStep(steps[name]),
    );
  }

  console.log('\n=== summary');
  for (const { name, ok, seconds, skipped } of results.values()) {
    const outcome = skipped ? `skipped, ${skipped}` : `${seconds.toFixed(0)} s`;
    console.log(`${ok ? 'pass' : 'FAIL'}  ${name.padEnd(6)} ${outcome}`);
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = [...results.values()].every(r => r.ok) ? 0 : 1;
}

main().catch(error => {
  console.error(error.message);
  process.exitCode = 1;
});
