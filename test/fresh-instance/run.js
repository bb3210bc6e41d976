/*
 * A fresh Backstage app and backend outside this repository's workspaces, with
 * the plugins installed from their `npm pack` tarballs as docs/install.md says:
 *
 *   1. a workspace root with a packages/backend and a packages/app whose
 *      Backstage dependencies are those `@backstage/create-app` 0.9.2
 *      (Backstage 1.55) writes, in the same caret ranges (backend.package.json,
 *      app/package.json: create-app's, trimmed to the plugins the checks
 *      need), installed from the npm cache;
 *   2. the guide's "Backend" and "Frontend" install commands and its "Try it
 *      with the example data" commands, run as written from the app's root,
 *      with this repository reachable as ../homelab-platform;
 *   3. a backend made of the guide's `backend.add(...)` lines, started with the
 *      guide's example configuration, and checked: the example inventory's
 *      entities are in the catalog, the homelab routes answer, the homelab
 *      scaffolder actions are registered, and the permission policy lets a
 *      signed-in non-operator read and refuses them every change;
 *   4. the app built with `backstage-cli package build`, the homelab plugin
 *      found by package discovery (`app.packages: all`, as create-app sets);
 *   5. and, after the installs: no @backstage package nested under a @homelab
 *      one (a duplicate the plugins caused), every import of the installed
 *      @homelab packages declared in their package.json, and their type
 *      declarations checked by tsc with skipLibCheck off.
 *
 * Plain `node` runs the backend: the guide's backend lines are plain
 * JavaScript. Needs dist-packages/ (`npm run build`). HOMELAB_FRESH_KEEP=1
 * keeps the instance's folder for a look afterwards.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');
const { readInstallGuide } = require('./installGuide');
const { undeclaredImports } = require('./declaredImports');
const {
  homelabPackageDirs,
  nestedBackstagePackages,
  duplicatedBackstagePackages,
} = require('./installedPackages');

const repoRoot = path.resolve(__dirname, '../..');
const startedAt = Date.now();

function log(message) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
  console.log(`[fresh-instance ${seconds}s] ${message}`);
}

function run(command, args, options) {
  log(`${options.cwd}: ${command} ${args.join(' ').slice(0, 200)}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.status}`,
    );
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** An empty workspace root and a create-app backend package, outside the repository. */
function createInstance(root) {
  const app = path.join(root, 'app');
  fs.mkdirSync(path.join(app, 'packages/backend/src'), { recursive: true });
  // The guide's commands reach this repository as ../homelab-platform.
  fs.symlinkSync(repoRoot, path.join(root, 'homelab-platform'));
  fs.writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'root',
        private: true,
        workspaces: ['packages/*'],
        // npm runs install scripts only of the packages allowed here; the
        // backend's SQLite driver is compiled by its own.
        allowScripts: { 'better-sqlite3': true },
        // create-app's root `resolutions`, and the @yarnpkg/core one below.
        overrides: {
          '@yarnpkg/core': '4.9.1',
          '@types/react': '^18',
          '@types/react-dom': '^18',
        },
        devDependencies: { typescript: '~5.8.0' }, // as create-app's root
      },
      null,
      2,
    ),
  );
  fs.copyFileSync(
    path.join(__dirname, 'backend.package.json'),
    path.join(app, 'packages/backend/package.json'),
  );
  fs.cpSync(path.join(__dirname, 'app'), path.join(app, 'packages/app'), {
    recursive: true,
  });
  // What a create-app app needs to be installed by npm rather than Yarn:
  // Material UI v4 declares React 16/17 peers, and @yarnpkg/core 4.9.2 (of
  // @backstage/cli) declares a Yarn-only dependency npm cannot read.
  fs.writeFileSync(path.join(app, '.npmrc'), 'legacy-peer-deps=true\n');
  return app;
}

function npmEnvironment() {
  return {
    ...process.env,
    // From the npm cache; the registry only for what the cache lacks.
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    // better-sqlite3 is compiled against the Node that runs the backend.
    npm_config_nodedir: path.resolve(process.execPath, '../..'),
  };
}

/**
 * create-app's own backend lines the checks need beside the guide's: sign-in,
 * for a user token (the permission backend answers users only).
 */
const CREATE_APP_LINES = [
  "backend.add(import('@backstage/plugin-auth-backend'));",
  "backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));",
];

/** Signed in as this user, who is in no group: not an operator. */
const VISITOR = 'user:default/visitor';

function writeBackend(app, guide, port, token) {
  const backendDir = path.join(app, 'packages/backend');
  fs.writeFileSync(
    path.join(backendDir, 'src/index.js'),
    [
      "const { createBackend } = require('@backstage/backend-defaults');",
      'const backend = createBackend();',
      ...CREATE_APP_LINES,
      ...guide.backendLines,
      'backend.start();',
      '',
    ].join('\n'),
  );
  const base = {
    // As create-app's: the app discovers the plugins of its package.json.
    app: { title: 'Fresh', baseUrl: 'http://localhost:3000', packages: 'all' },
    backend: {
      baseUrl: `http://localhost:${port}`,
      listen: { port, host: '127.0.0.1' },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'fresh-instance' } },
        ],
      },
    },
  };
  fs.writeFileSync(path.join(app, 'app-config.yaml'), YAML.stringify(base));
  fs.writeFileSync(
    path.join(app, 'app-config.homelab.yaml'),
    guide.tryItConfig,
  );
  fs.writeFileSync(
    path.join(app, 'app-config.visitor.yaml'),
    YAML.stringify({
      auth: { providers: { guest: { userEntityRef: VISITOR } } },
    }),
  );
  return backendDir;
}

function startBackend(backendDir) {
  const logFile = path.join(backendDir, 'backend.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      'src/index.js',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.homelab.yaml',
      '--config',
      '../../app-config.visitor.yaml',
    ],
    {
      cwd: backendDir,
      stdio: ['ignore', out, out],
      // As `npm start` runs it; the guest provider signs in only then.
      env: { ...process.env, NODE_ENV: 'development' },
    },
  );
  child.logFile = logFile;
  return child;
}

async function getJson(url, token, init = {}) {
  const response = await fetch(url, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Polls `probe` until it returns a value other than undefined, or fails with `what`. */
async function waitFor(what, probe, child, seconds = 180) {
  const deadline = Date.now() + seconds * 1000;
  let last;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the backend exited (${child.exitCode}) before ${what}`);
    }
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}${last ? `: ${last.message}` : ''}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

async function checkBackend(baseUrl, token, child) {
  const api = pathname => `${baseUrl}/api${pathname}`;
  for (const ref of [
    'domain/default/hallonen',
    'group/default/homelab-admins',
    'component/default/home-assistant',
  ]) {
    await waitFor(
      `${ref} in the catalog`,
      async () => {
        const { status } = await getJson(
          api(`/catalog/entities/by-name/${ref}`),
          token,
        );
        return status === 200 ? true : undefined;
      },
      child,
    );
    log(`catalog has ${ref}`);
  }
  const resources = await waitFor(
    'the inventory hardware',
    async () => {
      const { body } = await getJson(
        api('/catalog/entities/by-query?filter=kind=resource&limit=500'),
        token,
      );
      const names = body.items.map(entity => entity.metadata.name);
      return names.some(name => name.includes('rk1-1')) ? names : undefined;
    },
    child,
  );
  log(`catalog has ${resources.length} Resources from the inventory`);

  const topology = await waitFor(
    'GET /api/homelab/topology',
    async () => {
      const { status, body } = await getJson(api('/homelab/topology'), token);
      if (status !== 200)
        throw new Error(`status ${status}: ${JSON.stringify(body)}`);
      return body;
    },
    child,
    60,
  );
  log(
    `/api/homelab/topology answers (${JSON.stringify(topology).length} bytes)`,
  );
  const freshness = await getJson(api('/homelab/freshness'), token);
  if (freshness.status !== 200) {
    throw new Error(`/api/homelab/freshness answered ${freshness.status}`);
  }

  const actions = await getJson(api('/scaffolder/v2/actions'), token);
  const ids = (actions.body ?? []).map(action => action.id);
  const expected = [
    'homelab:flux:deploy',
    'homelab:flux:promote',
    'homelab:node:provision',
    'homelab:inventory:add-device',
    'homelab:docs:generate',
  ];
  const missing = expected.filter(id => !ids.includes(id));
  if (missing.length > 0) {
    throw new Error(
      `scaffolder actions missing: ${missing.join(', ')} (has ${ids.length})`,
    );
  }
  log(`scaffolder has the homelab actions (${expected.join(', ')})`);

  const userToken = await signIn(api);
  await checkPolicy(api, userToken);
  await checkTechDocs(api, userToken);
}

/** A user token of the guest provider: the visitor's. */
async function signIn(api) {
  const session = await fetch(api('/auth/guest/refresh'), {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const { backstageIdentity } = await session.json();
  if (backstageIdentity?.identity?.userEntityRef !== VISITOR) {
    throw new Error(
      `guest sign-in: ${session.status} ${JSON.stringify(backstageIdentity)}`,
    );
  }
  return backstageIdentity.token;
}

/**
 * The guide's TechDocs setup (runIn local) builds the site's generated
 * architecture docs with the local MkDocs, and serves them.
 */
async function checkTechDocs(api, userToken) {
  const entity = 'default/domain/hallonen';
  const sync = await fetch(api(`/techdocs/sync/${entity}`), {
    headers: { authorization: `Bearer ${userToken}` },
  });
  const syncBody = await sync.text();
  if (!sync.ok) {
    throw new Error(`TechDocs sync of ${entity}: ${sync.status} ${syncBody}`);
  }
  const page = await fetch(api(`/techdocs/static/docs/${entity}/index.html`), {
    headers: { authorization: `Bearer ${userToken}` },
  });
  const html = await page.text();
  if (!page.ok || !html.includes('hallonen')) {
    throw new Error(
      `TechDocs page of ${entity}: ${page.status} ${html.slice(0, 300)}`,
    );
  }
  log(`TechDocs built and served the architecture docs of ${entity}`);
}

/** The visitor, in no operator group, may read homelab data and change nothing. */
async function checkPolicy(api, userToken) {
  const permissions = [
    ['homelab.posture.read', 'read', 'ALLOW'],
    ['homelab.flux.reconcile', 'update', 'DENY'],
    ['homelab.release.promote', 'update', 'DENY'],
    ['homelab.node.provision', 'create', 'DENY'],
  ];
  const { status, body } = await getJson(
    api('/permission/authorize'),
    userToken,
    {
      method: 'POST',
      body: JSON.stringify({
        items: permissions.map(([name, action], index) => ({
          id: String(index),
          permission: { type: 'basic', name, attributes: { action } },
        })),
      }),
    },
  );
  permissions.forEach(([name, , expected], index) => {
    const result = body?.items?.find(item => item.id === String(index))?.result;
    if (result !== expected) {
      throw new Error(
        `${name} for ${VISITOR}: ${
          result ?? `${status} ${JSON.stringify(body)}`
        }, expected ${expected}`,
      );
    }
  });
  log(
    `the permission policy lets ${VISITOR} read and refuses reconcile, promote and provision`,
  );
}

function checkInstalledPackages(app) {
  const nested = nestedBackstagePackages(app);
  if (nested.length > 0) {
    throw new Error(
      `@backstage packages duplicated under @homelab ones:\n  ${nested.join(
        '\n  ',
      )}`,
    );
  }
  const homelabDirs = homelabPackageDirs(app);
  log(
    `installed: ${homelabDirs.map(dir => path.relative(app, dir)).join(', ')}`,
  );
  const undeclared = homelabDirs.flatMap(undeclaredImports);
  if (undeclared.length > 0) {
    throw new Error(`undeclared imports:\n  ${undeclared.join('\n  ')}`);
  }
  const duplicated = duplicatedBackstagePackages(app);
  log(
    `no @backstage package nested under @homelab ones; @backstage packages in more than one version in the instance: ${
      duplicated.length === 0 ? 'none' : duplicated.join(', ')
    }`,
  );
}

/**
 * Builds the app as `backstage-cli package build` does for create-app's, and
 * checks that package discovery put the homelab plugin in the bundle (its API
 * client's id).
 */
function buildApp(app, env) {
  const appDir = path.join(app, 'packages/app');
  run(path.join(app, 'node_modules/.bin/backstage-cli'), ['package', 'build'], {
    cwd: appDir,
    env: { ...env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  const staticDir = path.join(appDir, 'dist/static');
  const bundled = fs
    .readdirSync(staticDir)
    .filter(file => file.endsWith('.js'))
    .some(file =>
      fs
        .readFileSync(path.join(staticDir, file), 'utf8')
        .includes('plugin.homelab.service'),
    );
  if (!bundled) {
    throw new Error('the app was built without the homelab plugin');
  }
  log('the app is built, with the homelab plugin discovered in its bundle');
}

/**
 * The installed packages' type declarations, as an app's or backend's `tsc`
 * reads them (skipLibCheck off): every type they name must come from a
 * declared dependency, in a version whose types still fit.
 */
function typeCheck(app) {
  const dir = path.join(app, 'type-check');
  fs.mkdirSync(dir);
  const entryPoints = homelabPackageDirs(app).flatMap(packageDir => {
    const { name, exports = {} } = JSON.parse(
      fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
    );
    const subpaths = Object.keys(exports).filter(
      subpath => subpath === './alpha',
    );
    return [name, ...subpaths.map(subpath => `${name}/${subpath.slice(2)}`)];
  });
  fs.writeFileSync(
    path.join(dir, 'imports.ts'),
    [
      ...entryPoints.map(
        (entry, i) => `import * as entry${i} from '${entry}';`,
      ),
      `export const entryPoints = [${entryPoints.map((_, i) => `entry${i}`)}];`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '@backstage/cli/config/tsconfig.json',
      include: ['imports.ts'],
      compilerOptions: {
        noEmit: true,
        incremental: false,
        skipLibCheck: false,
        types: ['node'], // not the test and bundler globals of an app's own code
      },
    }),
  );
  run(path.join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], {
    cwd: dir,
  });
  log(`the types of ${entryPoints.join(', ')} check`);
}

async function main() {
  if (!fs.existsSync(path.join(repoRoot, 'dist-packages'))) {
    throw new Error('no dist-packages/: run `npm run build` first');
  }
  const guide = readInstallGuide(path.join(repoRoot, 'docs/install.md'));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-fresh-'));
  const app = createInstance(root);
  let backend;
  try {
    const env = npmEnvironment();
    run('npm', ['install'], { cwd: app, env });
    run('sh', ['-e', '-c', guide.backendInstall], { cwd: app, env });
    run('sh', ['-e', '-c', guide.frontendInstall], { cwd: app, env });
    run('sh', ['-e', '-c', guide.tryItCommands], { cwd: app, env });
    checkInstalledPackages(app);

    const port = await freePort();
    const token = crypto.randomBytes(24).toString('base64url');
    backend = startBackend(writeBackend(app, guide, port, token));
    await checkBackend(`http://127.0.0.1:${port}`, token, backend);
    backend.kill('SIGTERM');
    buildApp(app, env);
    typeCheck(app);
    log('passed');
  } catch (error) {
    if (backend) {
      console.error(`--- backend log (${backend.logFile}), last lines:`);
      console.error(
        fs
          .readFileSync(backend.logFile, 'utf8')
          .split('\n')
          .slice(-40)
          .join('\n'),
      );
    }
    throw error;
  } finally {
    backend?.kill('SIGTERM');
    if (process.env.HOMELAB_FRESH_KEEP) log(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(`[fresh-instance] FAILED: ${error.message}`);
  process.exitCode = 1;
});
