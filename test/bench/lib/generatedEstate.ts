import {
  inventoryToEntities,
  readInventoryFromPath,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import fs from 'node:fs';
import path from 'node:path';
import { startBenchBackend } from './benchBackend';
import { catalogInWorker } from './catalogInWorker';
import { generateInventory } from './generateInventory';

const NAMESPACES = 10;
const WORKLOADS_PER_NAMESPACE = 3;
const later = {
  frequency: { hours: 1 },
  timeout: { minutes: 1 },
  initialDelay: { hours: 1 },
};

const list = (items: unknown[]) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: {}, items });

/** The API groups a cluster serves, as `kubectl get --raw /apis` answers: apps, and no CRD. */
const API_GROUPS = JSON.stringify({
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: [
    {
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    },
  ],
});

/**
 * A cluster's API groups, nodes, namespaces, Deployments and load-balancer
 * Services, as kubectl records them. The API groups let the collectors that
 * look for a CRD first (backups, certificates) find none, as on a cluster
 * without Velero or cert-manager, rather than fail.
 */
function writeSnapshot(directory: string, cluster: number, nodes: string[]) {
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, 'apis.json'), API_GROUPS);
  // The collector requires the nodes: a recording without them is not one.
  fs.writeFileSync(
    path.join(directory, 'nodes.json'),
    list(
      nodes.map(name => ({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      })),
    ),
  );
  const namespaces = Array.from({ length: NAMESPACES }, (_, n) => `team-${n}`);
  fs.writeFileSync(
    path.join(directory, 'namespaces.json'),
    list(
      namespaces.map(name => ({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      })),
    ),
  );
  fs.writeFileSync(
    path.join(directory, 'deployments.apps.json'),
    list(
      namespaces.flatMap(namespace =>
        Array.from({ length: WORKLOADS_PER_NAMESPACE }, (_, w) => ({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: {
            name: `app-${w}`,
            namespace,
            labels: { 'app.kubernetes.io/name': `app-${w}` },
          },
          spec: {
            replicas: 2,
            template: {
              spec: {
                containers: [
                  { name: 'app', image: `ghcr.io/bench/app-${w}:1.0.0` },
                ],
              },
            },
          },
          status: { readyReplicas: w === 0 && cluster % 7 === 0 ? 1 : 2 },
        })),
      ),
    ),
  );
  fs.writeFileSync(
    path.join(directory, 'services.json'),
    list([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'ingress', namespace: 'team-0' },
        spec: { type: 'LoadBalancer', ports: [{ port: 443 }] },
        status: { loadBalancer: { ingress: [{ ip: `10.99.${cluster}.10` }] } },
      },
    ]),
  );
}

/**
 * A generated estate of `devices` devices served by the real homelab
 * backend (backend-defaults, SQLite): the inventory's entities in the
 * catalog (Backstage's in-memory one, on a thread of its own: see
 * catalogInWorker), and a recorded snapshot of every cluster with its
 * nodes, ten namespaces of three Deployments each and a load-balancer
 * Service. Resolves once the
 * workload collector has read every cluster, so /topology is complete.
 */
export async function startGeneratedEstate(options: {
  devices: number;
  port: number;
  workDir: string;
  /** How long a built topology is served before it is rebuilt (homelab.api.cacheSeconds). */
  cacheSeconds?: number;
}) {
  const inventoryDir = path.join(options.workDir, 'inventory');
  generateInventory(inventoryDir, options.devices);
  const validation = validateInventoryFiles(
    await readInventoryFromPath(inventoryDir),
  );
  if (!validation.inventory)
    throw new Error('the generated inventory is invalid');
  const entities = inventoryToEntities(validation.inventory, {
    origins: validation.origins,
  });
  const clusters = validation.inventory.clusters.map((cluster, c) => {
    const directory = path.join(options.workDir, 'snapshots', cluster.name);
    writeSnapshot(
      directory,
      c,
      cluster.nodes.map(node => node.name),
    );
    return { name: cluster.name, snapshotDirectory: directory };
  });
  const catalog = catalogInWorker(entities);
  const backend = await startBenchBackend({
    port: options.port,
    databaseDirectory: path.join(options.workDir, 'db'),
    config: {
      homelab: {
        clusters,
        ...(options.cacheSeconds
          ? { api: { cacheSeconds: options.cacheSeconds } }
          : {}),
        collectors: {
          workloads: {
            schedule: {
              frequency: { hours: 1 },
              timeout: { minutes: 5 },
              initialDelay: { seconds: 0 },
            },
          },
          flux: { schedule: later },
          security: { schedule: later },
        },
      },
    },
    features: [import('../../../plugins/homelab-backend/src'), catalog.factory],
  });
  const api = `${backend.url}/api/homelab`;
  for (;;) {
    const { sources } = (await (await fetch(`${api}/freshness`)).json()) as {
      sources: Array<{ source: string; state: string }>;
    };
    const workloads = sources.filter(s => s.source === 'workloads');
    if (
      workloads.length === clusters.length &&
      workloads.every(s => s.state === 'fresh')
    )
      break;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  const stop = async () => {
    await backend.stop();
    await catalog.stop();
  };
  return { api, entities, clusters, stop };
}
