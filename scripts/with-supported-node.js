#!/usr/bin/env node
/*
 * Runs a command under a Node.js release that Backstage 1.55 supports, with the
 * workspace installed and its native addons compiled by that same Node.
 *
 *   node scripts/with-supported-node.js <command> [args...]
 *
 * Backstage 1.55 supports Node 22 and 24, and many machines still ship Node 20.
 * When the Node running this script is one of the supported releases, it is
 * used as is and nothing is fetched; addons are compiled against its own
 * headers where they are beside it. Otherwise the official Node 22 build is
 * taken from the npm registry (package node-<platform>-<arch>, which also
 * carries the C headers node-gyp compiles against) into .runtime/, and npm and
 * the command run with it first on PATH and with npm_config_nodedir pointing at
 * its headers, so better-sqlite3 is built for the Node that loads it.
 *
 * Only Node built-ins are used here: this script runs before anything is
 * installed, under whatever Node the machine has (18 or newer).
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SUPPORTED_MAJORS = [22, 24];
const FETCHED_NODE_VERSION = '22.23.3';
const repoRoot = path.resolve(__dirname, '..');

function log(message) {
  process.stderr.write(`[with-supported-node] ${message}\n`);
}

function run(command, args, env) {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  if (result.error) {
    throw new Error(`could not run ${command}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.status}`,
    );
  }
}

/**
 * The folder holding a Node's C headers (include/node) beside its binary, or
 * undefined: a Node installed from its official build or a distribution's
 * package has them there.
 */
function ownHeaders(nodeBin) {
  const prefix = path.resolve(path.dirname(nodeBin), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))
    ? prefix
    : undefined;
}

/**
 * The Node binary to use, and the headers folder to compile addons against:
 * its own, so that an npm configured with another Node's headers (nodedir)
 * cannot build better-sqlite3 for the wrong ABI.
 */
function resolveRuntime() {
  const major = Number(process.versions.node.split('.')[0]);
  if (SUPPORTED_MAJORS.includes(major)) {
    return { nodeBin: process.execPath, nodedir: ownHeaders(process.execPath) };
  }
  if (process.platform === 'win32') {
    throw new Error(
      `Node ${process.version} is not supported by Backstage 1.55; install Node 22 or 24.`,
    );
  }
  const packageName = `node-${process.platform}-${process.arch}`;
  const nodedir = path.join(
    repoRoot,
    '.runtime',
    `${packageName}-${FETCHED_NODE_VERSION}`,
  );
  const nodeBin = path.join(nodedir, 'bin', 'node');
  if (!fs.existsSync(nodeBin)) {
    fetchRuntime(`${packageName}@${FETCHED_NODE_VERSION}`, nodedir);
  }
  return { nodeBin, nodedir };
}

function fetchRuntime(spec, destination) {
  log(
    `Node ${process.version} is too old for Backstage 1.55; fetching ${spec} from the npm registry`,
  );
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-node-'));
  try {
    const pack = spawnSync(
      'npm',
      ['pack', spec, '--json', '--pack-destination', staging],
      { cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (pack.status !== 0) {
      throw new Error(
        `npm pack ${spec} failed; is the npm registry reachable?`,
      );
    }
    const [{ filename }] = JSON.parse(pack.stdout);
    const tar = spawnSync(
      'tar',
      ['-xzf', path.join(staging, filename), '-C', staging],
      { stdio: 'inherit' },
    );
    if (tar.status !== 0) {
      throw new Error(`could not unpack ${filename}`);
    }
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    // A rename publishes the runtime only once it is complete.
    fs.renameSync(path.join(staging, 'package'), destination);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function childEnvironment({ nodeBin, nodedir }) {
  const env = { ...process.env };
  const binDirs = [
    path.dirname(nodeBin),
    path.join(repoRoot, 'node_modules', '.bin'),
  ];
  env.PATH = [...binDirs, env.PATH].join(path.delimiter);
  // npm exports the path of the Node that ran the outer script; tools that
  // re-spawn Node read these, so they must name the runtime chosen here.
  env.NODE = nodeBin;
  env.npm_node_execpath = nodeBin;
  if (nodedir) {
    env.npm_config_nodedir = nodedir;
  }
  return env;
}

/**
 * Installs from package-lock.json. `npm install` rather than `npm ci`: the
 * lockfile cannot list platform builds (of swc, rollup, ...) that a registry
 * mirror does not serve, and `npm ci` refuses such a lockfile as out of sync,
 * while `npm install` follows it and skips the missing optional packages.
 */
function installDependencies(env) {
  const stamp = path.join(
    repoRoot,
    'node_modules',
    '.installed-lockfile-sha256',
  );
  const lockfileHash = () =>
    crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(repoRoot, 'package-lock.json')))
      .digest('hex');
  if (!fs.existsSync(stamp)) {
    log('installing dependencies; the first run takes several minutes');
  } else if (fs.readFileSync(stamp, 'utf8') !== lockfileHash()) {
    log(
      'package-lock.json changed since the last install; updating node_modules',
    );
  } else {
    return;
  }
  run('npm', ['install', '--no-audit', '--no-fund'], env);
  // Hashed after the install, which may have rewritten the lockfile.
  fs.writeFileSync(stamp, lockfileHash());
}

/**
 * Rebuilds native addons that were compiled for another Node ABI, for
 * example when node_modules was installed by the machine's own older Node.
 */
function rebuildForeignAddons(env, nodeBin) {
  // Addons such as better-sqlite3 load their binary lazily, so require() would
  // succeed; loading each compiled .node file is what reveals a foreign ABI.
  const probe = `
    const fs = require('fs');
    const path = require('path');
    const stale = [];
    const names = [];
    for (const entry of fs.readdirSync('node_modules')) {
      if (entry.startsWith('@')) {
        for (const inner of fs.readdirSync(path.join('node_modules', entry))) names.push(entry + '/' + inner);
      } else names.push(entry);
    }
    for (const name of names) {
      const release = path.join('node_modules', name, 'build', 'Release');
      if (!fs.existsSync(path.join('node_modules', name, 'binding.gyp')) || !fs.existsSync(release)) continue;
      for (const file of fs.readdirSync(release).filter(f => f.endsWith('.node'))) {
        try { process.dlopen({ exports: {} }, path.resolve(release, file)); } catch (error) {
          if (/NODE_MODULE_VERSION/.test(String(error))) stale.push(name);
        }
      }
    }
    process.stdout.write(JSON.stringify([...new Set(stale)]));
  `;
  const staleAddons = () => {
    const result = spawnSync(nodeBin, ['-e', probe], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return result.status === 0 ? JSON.parse(result.stdout) : [];
  };
  const stale = staleAddons();
  if (stale.length === 0) return;
  log(`rebuilding native addons for this Node: ${stale.join(', ')}`);
  run('npm', ['rebuild', ...stale], env);
  // npm reports success for an addon it built against the wrong headers.
  const still = staleAddons();
  if (still.length > 0) {
    throw new Error(
      `${still.join(
        ', ',
      )} still not built for ${nodeBin} after a rebuild against ${
        env.npm_config_nodedir ?? "npm's configured nodedir"
      }; set npm_config_nodedir to this Node's headers`,
    );
  }
}

function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    throw new Error(
      'usage: node scripts/with-supported-node.js <command> [args...]',
    );
  }
  const runtime = resolveRuntime();
  const env = childEnvironment(runtime);
  installDependencies(env);
  rebuildForeignAddons(env, runtime.nodeBin);

  const child = spawn(command, args, { env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', error => {
    log(`could not run ${command}: ${error.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

try {
  main();
} catch (error) {
  log(error.message);
  process.exitCode = 1;
}
