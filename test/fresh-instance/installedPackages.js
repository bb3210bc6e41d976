/*
 * What npm installed in the fresh instance: @backstage packages nested under
 * a @homelab package (a second copy the homelab plugins caused, because the
 * app's own did not satisfy their ranges), and every @backstage package
 * present in more than one version.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Every installed package folder under `nodeModules`, nested ones included. */
function* installedPackages(nodeModules) {
  if (!fs.existsSync(nodeModules)) return;
  for (const entry of fs.readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const names = entry.startsWith('@')
      ? fs.readdirSync(path.join(nodeModules, entry)).map(n => `${entry}/${n}`)
      : [entry];
    for (const name of names) {
      const dir = path.join(nodeModules, name);
      const manifest = path.join(dir, 'package.json');
      if (!fs.existsSync(manifest)) continue;
      yield {
        name,
        dir,
        version: JSON.parse(fs.readFileSync(manifest, 'utf8')).version,
      };
      yield* installedPackages(path.join(dir, 'node_modules'));
    }
  }
}

/** The packages of the app's root and of its workspace packages. */
function* appPackages(app) {
  yield* installedPackages(path.join(app, 'node_modules'));
  for (const workspace of fs.readdirSync(path.join(app, 'packages'))) {
    yield* installedPackages(
      path.join(app, 'packages', workspace, 'node_modules'),
    );
  }
}

/** Folders of the installed @homelab packages. */
function homelabPackageDirs(app) {
  return [...appPackages(app)]
    .filter(({ name }) => name.startsWith('@homelab/'))
    .map(({ dir }) => dir);
}

function nestedBackstagePackages(app) {
  return [...appPackages(app)]
    .filter(
      ({ name, dir }) =>
        name.startsWith('@backstage/') && /node_modules\/@homelab\//.test(dir),
    )
    .map(
      ({ name, version, dir }) =>
        `${name}@${version} in ${path.relative(app, dir)}`,
    );
}

function duplicatedBackstagePackages(app) {
  const versions = new Map();
  for (const { name, version } of appPackages(app)) {
    if (!name.startsWith('@backstage/')) continue;
    versions.set(name, new Set([...(versions.get(name) ?? []), version]));
  }
  return [...versions]
    .filter(([, set]) => set.size > 1)
    .map(([name, set]) => `${name} (${[...set].join(', ')})`);
}

module.exports = {
  homelabPackageDirs,
  nestedBackstagePackages,
  duplicatedBackstagePackages,
};
