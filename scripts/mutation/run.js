/*
 * `npm run mutation [-- <target>...]`: StrykerJS over each target of
 * targets.js (or the ones named), then each mutated module's score. Outside
 * `npm test`: a run takes long, and its score is read, not asserted.
 *
 * Score = mutants the tests detect (killed, or timed out) / mutants that
 * ran (detected, survived, or not covered by any test). Reports are in
 * reports/mutation/<target>.html.
 *
 * One module on a shared machine: `MUTATION_TARGET=<target> MUTATION_TESTS=
 * <globs> npx stryker run --concurrency 1 --mutate <file>` runs only those
 * tests (see jest.config.js); its score is a lower bound of the target's.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const targets = require('./targets');

const repoRoot = path.resolve(__dirname, '../..');
const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

function scores(reportFile) {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  return Object.entries(report.files).map(([file, { mutants }]) => {
    const count = statuses =>
      mutants.filter(m => statuses.includes(m.status)).length;
    const detected = count(DETECTED);
    const valid = detected + count(UNDETECTED);
    return {
      file: path.relative(repoRoot, path.resolve(repoRoot, file)),
      detected,
      valid,
      score: valid ? (100 * detected) / valid : 100,
    };
  });
}

const names = process.argv.slice(2);
for (const name of names) {
  if (!targets[name]) {
    throw new Error(
      `unknown target ${name}; use ${Object.keys(targets).join(', ')}`,
    );
  }
}

const results = [];
for (const name of names.length ? names : Object.keys(targets)) {
  console.log(`\n=== mutation: ${name}`);
  const run = spawnSync('stryker', ['run'], {
    cwd: repoRoot,
    env: { ...process.env, MUTATION_TARGET: name },
    stdio: 'inherit',
  });
  const report = path.join(repoRoot, 'reports/mutation', `${name}.json`);
  if (run.status !== 0 || !fs.existsSync(report)) {
    console.log(`FAIL  ${name}: stryker exited ${run.status}`);
    process.exitCode = 1;
    continue;
  }
  results.push(...scores(report));
}

console.log('\n=== mutation score per module');
for (const { file, detected, valid, score } of results) {
  console.log(
    `${score.toFixed(1).padStart(5)}%  ${String(detected).padStart(3)}/${String(
      valid,
    ).padEnd(3)}  ${file}`,
  );
}
