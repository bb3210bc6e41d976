import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import {
  ClusterClient,
  createClusterClient,
  inventoryToEntities,
  readInventoryFromPath,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * The example homelab that `npm start` shows (examples/ at the repository
 * root), loaded the way the portal loads it, for tests and the recording of
 * its Prometheus answers.
 */
export const EXAMPLES_DIR = path.resolve(
  resolvePackagePath('@homelab/plugin-homelab-backend'),
  '../../examples',
);
export const EXAMPLE_PROMETHEUS_DIR = path.join(EXAMPLES_DIR, 'prometheus');

/**
 * The demo portal's homelab.slos (app-config.yaml): its minimumEvents makes
 * the SLO collector query event counts too, so the recorded answers hold
 * those queries, and a test replaying them needs the same settings.
 */
export const EXAMPLE_SLO_SETTINGS = parse(
  fs.readFileSync(path.join(EXAMPLES_DIR, '../app-config.yaml'), 'utf8'),
).homelab.slos;

function catalogFile(file: string): Entity[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(document => {
    const entity = document.toJS() as Entity;
    // The catalog adds the location annotation when it reads the file.
    entity.metadata.annotations = {
      ...entity.metadata.annotations,
      [ANNOTATION_LOCATION]: `file:${file}`,
    };
    return entity;
  });
}

/** The example's catalog: the inventory's entities, the apps and the people. */
export async function exampleEntities(): Promise<Entity[]> {
  const validation = validateInventoryFiles(
    await readInventoryFromPath(path.join(EXAMPLES_DIR, 'homelab')),
  );
  if (!validation.inventory)
    throw new Error('the example inventory is invalid');
  return [
    ...inventoryToEntities(validation.inventory, {
      origins: validation.origins,
    }),
    ...catalogFile(path.join(EXAMPLES_DIR, 'apps/catalog-info.yaml')),
    ...catalogFile(path.join(EXAMPLES_DIR, 'org.yaml')),
  ];
}

/** The example's clusters, read from their recorded snapshots. */
export function exampleClusterClients(): ClusterClient[] {
  return ['production', 'staging'].map(name =>
    createClusterClient({
      name,
      source: {
        type: 'snapshot',
        directory: path.join(EXAMPLES_DIR, 'snapshots', name),
      },
      requestTimeoutMs: 10_000,
      pageSize: 250,
    }),
  );
}
