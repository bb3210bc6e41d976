/*
 * Starts the real portal for the browser tests: the Backstage backend from
 * packages/backend, serving the production build of packages/app (built by the
 * `build` step of the suite), with a fresh SQLite folder for each run.
 * Playwright starts and stops this process (see playwright.config.ts).
 */
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');
const appDist = path.join(repoRoot, 'packages/app/dist/index.html');
if (!fs.existsSync(appDist)) {
  console.error(
    'packages/app/dist is missing: run `npm run build` (npm test does) before the browser tests.',
  );
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-e2e-'));
// One log per port, so portals of parallel runs never write over each other's.
const logFile = path.join(
  repoRoot,
  'test-results',
  `e2e-portal-${process.env.HOMELAB_E2E_PORT}.log`,
);
fs.mkdirSync(path.dirname(logFile), { recursive: true });
const log = fs.openSync(logFile, 'w');
console.log(`portal backend log: ${path.relative(repoRoot, logFile)}`);
// The backend as `backstage-cli package start` runs it, TypeScript through
// the CLI's transform, but without its file watcher: a portal under test
// never restarts because a file of the repository changed while it ran.
const backend = spawn(
  process.execPath,
  [
    '--enable-source-maps',
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    'src/index.ts',
    '--config',
    '../../app-config.yaml',
    '--config',
    '../../test/e2e/app-config.e2e.yaml',
  ],
  {
    cwd: path.join(repoRoot, 'packages/backend'),
    env: {
      NODE_ENV: 'development',
      ...process.env,
      HOMELAB_E2E_DATA_DIR: dataDir,
    },
    stdio: ['ignore', log, log],
  },
);

function stop(signal) {
  backend.kill(signal);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
backend.on('exit', code => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
