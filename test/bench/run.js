/*
 * `npm run bench`: runs every test/bench/*.bench.ts in a process of its own
 * (so one benchmark's memory never skews another's), prints what each
 * reports, and writes all results to test-results/bench/results.json.
 *
 *   npm run bench [-- <name filter>]
 *
 * Speed targets live here, never in unit tests: these numbers depend on the
 * machine, so they are reported and compared, not asserted.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');
const filter = process.argv[2];
const benches = fs
  .readdirSync(__dirname)
  .filter(
    file => file.endsWith('.bench.ts') && (!filter || file.includes(filter)),
  )
  .sort();

const results = [];
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '-e',
      `require('@backstage/cli/config/nodeTransform.cjs'); require(${JSON.stringify(
        path.join(__dirname, bench),
      )});`,
    ],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('BENCH_RESULT ')) {
      const result = JSON.parse(line.slice('BENCH_RESULT '.length));
      results.push({ bench, ...result });
      console.log(`${result.name}:`);
      for (const [key, value] of Object.entries(result.metrics))
        console.log(`  ${key}: ${value}`);
    } else if (line.trim()) {
      console.log(line);
    }
  }
  if (run.status !== 0) {
    console.error(`${bench} failed with exit status ${run.status}`);
    process.exitCode = 1;
  }
}

const out = path.join(repoRoot, 'test-results', 'bench');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(
  path.join(out, 'results.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log(
  `\nresults: ${path.relative(repoRoot, path.join(out, 'results.json'))}`,
);
