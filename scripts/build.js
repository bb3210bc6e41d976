/*
 * `npm run build`: emits type declarations (tsc, into dist-types/, which the
 * plugin builds bundle), builds every package with backstage-cli (plugins, the
 * app bundle and the backend bundle), then packs each plugin with `npm pack`
 * into dist-packages/, the tarballs a user could install into their own
 * Backstage.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..');
const packDestination = path.join(repoRoot, 'dist-packages');

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

function pluginPackageNames() {
  const pluginsDir = path.join(repoRoot, 'plugins');
  return fs
    .readdirSync(pluginsDir, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => path.join(pluginsDir, entry.name, 'package.json'))
    .filter(manifest => fs.existsSync(manifest))
    .map(manifest => JSON.parse(fs.readFileSync(manifest, 'utf8')).name);
}

run('tsc', []);
run('backstage-cli', ['repo', 'build', '--all']);

fs.rmSync(packDestination, { recursive: true, force: true });
fs.mkdirSync(packDestination);
const plugins = pluginPackageNames();
for (const name of plugins) {
  run('npm', [
    'pack',
    '--workspace',
    name,
    '--pack-destination',
    packDestination,
  ]);
}
console.log(
  `packed ${plugins.length} plugin(s) into ${path.relative(
    repoRoot,
    packDestination,
  )}/`,
);
