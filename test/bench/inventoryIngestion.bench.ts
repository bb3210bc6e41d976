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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { startBenchBackend, waitForEntities } from './lib/benchBackend';
import { generateInventory } from './lib/generateInventory';
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
    readMs: read.ms,
    validateMs: validation.ms,
    emitMs: emit.ms,
    files: read.value,
    entities: emit.value,
  };
}

async function ingest(name: string, port: number, config: object) {
  const databaseDirectory = fs.mkdtempSync(
    path.join(os.tmpdir(), `homelab-bench-${name}-`),
  );
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
  generateInventory(inventoryDir, DEVICES);
  const bytes = fs
    .readdirSync(inventoryDir)
    .reduce((sum, f) => sum + fs.statSync(path.join(inventoryDir, f)).size, 0);

  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await validateAndEmit(inventoryDir));
  const { entities, files } = runs[0];
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
