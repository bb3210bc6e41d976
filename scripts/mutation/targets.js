/*
 * What `npm run mutation` mutates: the modules that decide who may do what,
 * whether a release goes out, whether an inventory is valid, when data is
 * stale, and that secrets stay out of logs. One target per package, because
 * each package's tests run with that package's jest configuration; each
 * target runs the tests that cover its modules (globs relative to the
 * package's src/), not the whole suite.
 */
'use strict';

module.exports = {
  'promotion-gates': {
    package: 'plugins/homelab-node',
    mutate: [
      'src/promotion/evaluatePromotionGates.ts',
      'src/promotion/activeFreeze.ts',
      'src/promotion/gateSettings.ts',
    ],
    tests: ['promotion/**/*.test.ts'],
  },
  'inventory-rules': {
    package: 'plugins/homelab-node',
    // The rules, not their test (ruleProblems.test.ts sits beside them).
    mutate: ['src/inventory/rules/*.ts', '!src/inventory/rules/*.test.ts'],
    tests: ['inventory/**/*.test.ts'],
  },
  'homelab-backend': {
    package: 'plugins/homelab-backend',
    mutate: [
      'src/service/RequestAuthorization.ts',
      'src/service/FreshnessReader.ts',
      'src/collectors/recordCollection.ts',
    ],
    // On SQLite: the PostgreSQL-only suites need a server.
    tests: ['service/**/*.test.ts', 'collectors/**/*.test.ts'],
    skip: ['collectionFaults', 'replicas'],
  },
  scaffolder: {
    package: 'plugins/scaffolder-backend-module-homelab',
    mutate: [
      'src/actions/requirePermission.ts',
      'src/provisioning/ProxmoxClient.ts',
      'src/provisioning/TuringPiClient.ts',
    ],
    tests: [
      'actions/requirePermission.test.ts',
      'actions/nodeProvisionAction.test.ts',
      'actions/fluxPromoteAction.gates.test.ts',
      'actions/fluxActions.refusals.test.ts',
      'provisioning/**/*.test.ts',
    ],
  },
  'permission-policy': {
    package: 'plugins/permission-backend-module-homelab',
    mutate: ['src/HomelabPermissionPolicy.ts'],
    tests: ['HomelabPermissionPolicy.test.ts', 'module.test.ts'],
  },
};
