/*
 * The jest configuration Stryker runs a mutation target with: Backstage's
 * own configuration of the target's package (as `backstage-cli package
 * test` uses it there), narrowed to the target's tests, with the workspace
 * packages it imports taken from the same copy of the repository.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const targets = require('./targets');

/**
 * The workspace packages' entry points in this copy of the repository, as
 * jest module mappings. Through node_modules they would resolve to the
 * work tree that Stryker copied, which may have changed since.
 */
function workspacePackages(root) {
  const mappings = {};
  for (const folder of ['packages', 'plugins']) {
    for (const name of fs.readdirSync(path.join(root, folder))) {
      const dir = path.join(root, folder, name);
      const manifest = path.join(dir, 'package.json');
      if (!fs.existsSync(manifest)) continue;
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      const entries =
        typeof pkg.exports === 'object' ? pkg.exports : { '.': pkg.main };
      for (const [subpath, file] of Object.entries(entries)) {
        if (!file?.endsWith('.ts') && !file?.endsWith('.tsx')) continue;
        const request = path.posix.join(pkg.name, subpath);
        mappings[`^${request.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`] =
          path.join(dir, file);
      }
    }
  }
  return mappings;
}

/**
 * The target's tests, or the ones MUTATION_TESTS names (globs relative to
 * the package's src/, comma-separated). Fewer, faster tests make a run of
 * one module feasible on a shared machine: the mutants of module constants
 * run every test, and the inventory-rules target's tests include a 20,000
 * device inventory. A score measured with fewer tests can only be lower:
 * a mutant some left-out test kills counts as survived.
 */
function tests(target) {
  const narrowed = process.env.MUTATION_TESTS;
  if (!narrowed) return target.tests;
  return narrowed
    .split(',')
    .map(glob => glob.trim())
    .filter(Boolean);
}

module.exports = async () => {
  const target = targets[process.env.MUTATION_TARGET];
  const packageDir = path.resolve(target.package);
  // Backstage reads the package to configure from the working directory.
  const cwd = process.cwd();
  process.chdir(packageDir);
  let config;
  try {
    config = await require('@backstage/cli/config/jest');
  } finally {
    process.chdir(cwd);
  }
  return {
    ...config,
    moduleNameMapper: {
      ...config.moduleNameMapper,
      ...workspacePackages(cwd),
    },
    testMatch: tests(target).map(glob => `<rootDir>/${glob}`),
    testPathIgnorePatterns: ['/node_modules/', ...(target.skip ?? [])],
  };
};
