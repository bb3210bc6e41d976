/*
 * The jest configuration Stryker runs a mutation target with: Backstage's
 * own configuration of the target's package (as `backstage-cli package
 * test` uses it there), narrowed to the target's tests.
 */
'use strict';

const path = require('node:path');
const targets = require('./targets');

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
    testMatch: target.tests.map(glob => `<rootDir>/${glob}`),
    testPathIgnorePatterns: ['/node_modules/', ...(target.skip ?? [])],
  };
};
