/*
 * StrykerJS for one mutation target of scripts/mutation/targets.js, named by
 * MUTATION_TARGET; `npm run mutation` (scripts/mutation/run.js) runs every
 * target. Stryker works in a copy of the repository under .stryker-tmp/, so
 * the work tree is never mutated.
 */
'use strict';

const targets = require('./scripts/mutation/targets');

const name = process.env.MUTATION_TARGET;

function target() {
  if (!targets[name]) {
    throw new Error(
      `MUTATION_TARGET must name one of ${Object.keys(targets).join(', ')}`,
    );
  }
  return targets[name];
}

module.exports = {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'scripts/mutation/jest.config.js',
  },
  // Each mutant runs only the tests that cover it.
  coverageAnalysis: 'perTest',
  // Read when Stryker runs: tools that only look for the test runner (knip)
  // load this file without a target.
  get mutate() {
    const { package: dir, mutate } = target();
    // A leading ! excludes, as in Stryker's own globs.
    return mutate.map(file =>
      file.startsWith('!') ? `!${dir}/${file.slice(1)}` : `${dir}/${file}`,
    );
  },
  // The machines have two cores.
  concurrency: 2,
  timeoutMS: 30_000,
  // Not needed by any target's tests; less to copy into each sandbox.
  ignorePatterns: [
    'dist',
    'dist-types',
    'dist-packages',
    '.runtime',
    '.data',
    'test-results',
    'packages/app',
    // Anchored: homelab-node has a src/docs of its own.
    '/docs',
  ],
  // Every run tests every mutant: incremental runs kept the old result of
  // mutants that every test covers (module constants) after tests changed.
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  thresholds: { high: 90, low: 85, break: null },
};
