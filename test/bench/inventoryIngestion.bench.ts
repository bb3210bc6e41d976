/*
 * Inventory to catalog, at 10,000 devices (HOMELAB_BENCH_DEVICES to change):
 *
 * 1. validate and emit: read, parse and validate the generated inventory and
 *    turn it into entities, in this process (median of 3 runs);
 * 2. ingestion through the homelab module: a real backend on SQLite, from
 *    start until the catalog has processed every entity;
 * 3. the same entities as one catalog-info YAML file ingested by Backstage's
 *    own file location, on an identical backend: the baseline for the ratio.
 */
import {
  inventoryToEntities,
  readInventoryFromPath,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { median, reportResult, round, runBenchmark, timed } from './lib/report';

const DEVICES = Number(process.env.HOMELAB_BENCH_DEVICES ?? 10_000);
const HOMELAB_ENTITIES = 'metadata.annotations.homelab.dev/inventory-source';
const ALL_KINDS = [
  'Component',
  'System',
  'Domain',
  'Resource',
  'Location',
  'Group',
  'User',
  'API',
];

/**
 * The backend harness, loaded only once the first part has reported: its
 * libraries (the backend framework, SQLite) are not the validator's memory.
 * A require: import() of a TypeScript file gives only its default export here.
 */
const benchBackend = (): typeof import('./lib/benchBackend') =>
  require('./lib/benchBackend');

/**
 * Writes the inventory in a process of its own: the yaml library's documents
 * for 10,000 devices would otherwise count in this process's peak RSS, which
 * is meant to be that of reading, validating and emitting.
 */
function generateInventoryApart(directory: string, devices: number) {
  const generator = path.join(__dirname, 'lib/generateInventory.ts');
  const run = spawnSync(
    process.execPath,
    [
      '-e',
      `require('@backstage/cli/config/nodeTransform.cjs'); require(${JSON.stringify(
        generator,
      )}).generateInventory(${JSON.stringify(directory)}, ${devices});`,
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error('generating the inventory failed');
}

async function validateAndEmit(directory: string) {
  const read = await timed(() => readInventoryFromPath(directory));
  const validation = await timed(() => validateInventoryFiles(read.value));
  if (!validation.value.inventory) {
    throw new Error(
      `generated inventory is invalid: ${JSON.stringify(
        validation.value.problems.slice(0, 3),
      )}`,
    );
  }
  const emit = await timed(() =>
    inventoryToEntities(validation.value.inventory!, {
      origins: validation.value.origins,
    }),
  );
  return {
    times: { readMs: read.ms, validateMs: validation.ms, emitMs: emit.ms },
    files: read.value,
    entities: emit.value,
  };
}

async function ingest(name: string, port: number, config: object) {
  const databaseDirectory = fs.mkdtempSync(
    path.join(os.tmpdir(), `homelab-bench-${name}-`),
  );
  const { startBenchBackend } = benchBackend();
  const { value: backend, ms: startMs } = await timed(() =>
    startBenchBackend({
      port,
      databaseDirectory,
      config,
      features: [
        import('@backstage/plugin-catalog-backend'),
        import('@homelab/plugin-catalog-backend-module-homelab'),
      ],
    }),
  );
  return { backend, startMs, databaseDirectory };
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-bench-'));
  const inventoryDir = path.join(work, 'inventory');
  generateInventoryApart(inventoryDir, DEVICES);
  const bytes = fs
    .readdirSync(inventoryDir)
    .reduce((sum, f) => sum + fs.statSync(path.join(inventoryDir, f)).size, 0);

  // Each run starts from a collected heap (run.js gives --expose-gc): V8
  // collects the old generation lazily, so the garbage of loading the code
  // and of earlier runs would otherwise add up in the peak RSS of one
  // validation. Later runs keep their timings only: three runs' entities
  // held at once would be the bench's memory, not the validator's.
  global.gc?.();
  const codeLoadedRssMB = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const { entities, files, times } = await validateAndEmit(inventoryDir);
  const runs = [times];
  for (let i = 1; i < 3; i++) {
    global.gc?.();
    runs.push((await validateAndEmit(inventoryDir)).times);
  }
  const totalMs = median(runs.map(r => r.readMs + r.validateMs + r.emitMs));
  reportResult('validate and emit a generated inventory', {
    devices: DEVICES,
    files: files.length,
    'inventory MB': round(bytes / 1e6, 2),
    entities: entities.length,
    'read ms (median of 3)': round(median(runs.map(r => r.readMs))),
    'parse + validate ms': round(median(runs.map(r => r.validateMs))),
    'emit entities ms': round(median(runs.map(r => r.emitMs))),
    'total ms': round(totalMs),
    'devices per second': Math.round(DEVICES / (totalMs / 1000)),
    'RSS MB with the code loaded, before reading': codeLoadedRssMB,
    'peak RSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
  });

  // The homelab module, configured as a user would, refreshing once at start.
  const homelab = await ingest('provider', 7211, {
    catalog: { rules: [{ allow: ALL_KINDS }] },
    homelab: {
      inventory: {
        locations: [{ name: 'bench', target: inventoryDir }],
        schedule: {
          frequency: { hours: 1 },
          timeout: { minutes: 30 },
          initialDelay: { seconds: 0 },
        },
      },
    },
  });
  const { waitForEntities } = benchBackend();
  const providerRun = await timed(() =>
    waitForEntities(homelab.backend.url, HOMELAB_ENTITIES, entities.length),
  );
  await homelab.backend.stop();

  // Backstage's file location with the same entities, minus the provider's location annotations.
  const entitiesFile = path.join(work, 'catalog-info.yaml');
  fs.writeFileSync(
    entitiesFile,
    entities
      .map(entity => {
        const {
          'backstage.io/managed-by-location': _,
          'backstage.io/managed-by-origin-location': __,
          ...annotations
        } = entity.metadata.annotations ?? {};
        return stringify(
          { ...entity, metadata: { ...entity.metadata, annotations } },
          { lineWidth: 0 },
        );
      })
      .join('---\n'),
  );
  const fileLocation = await ingest('file', 7212, {
    catalog: {
      rules: [{ allow: ALL_KINDS }],
      locations: [{ type: 'file', target: entitiesFile }],
    },
  });
  const fileRun = await timed(() =>
    waitForEntities(
      fileLocation.backend.url,
      HOMELAB_ENTITIES,
      entities.length,
    ),
  );
  await fileLocation.backend.stop();

  reportResult(
    'catalog ingestion of the same entities (SQLite, from backend start to all processed)',
    {
      entities: entities.length,
      'homelab module s': round((homelab.startMs + providerRun.ms) / 1000),
      'file location s': round((fileLocation.startMs + fileRun.ms) / 1000),
      'ratio (homelab / file location)': round(
        (homelab.startMs + providerRun.ms) /
          (fileLocation.startMs + fileRun.ms),
        2,
      ),
      'catalog-info YAML MB': round(fs.statSync(entitiesFile).size / 1e6, 2),
    },
  );
  fs.rmSync(work, { recursive: true, force: true });
  for (const dir of [
    homelab.databaseDirectory,
    fileLocation.databaseDirectory,
  ]) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runBenchmark(main);
