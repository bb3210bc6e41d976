/*
 * The blast radius of every device and VM of a generated estate of at least
 * 10,000 catalog entities (HOMELAB_BENCH_ENTITIES to change): the estate of
 * lib/generateInventory.ts (racks of a board with three modules, a Pi, a
 * server with a VM, a switch, a NAS and a UPS; clusters of 60 modules) with
 * every switch cabled to one core router, so that each question also walks
 * the paths to the router; and every cluster running ten namespaces of three
 * Deployments of two pods, spread over its nodes, and a DaemonSet on each.
 *
 * Measured: building the relations once (as the backend does per cache
 * rebuild), then one question per device, each timed: mean, p50, p99, max.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  inventoryToEntities,
  readInventoryFromPath,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { estateOf } from '../../plugins/homelab-backend/src/blastRadius/loadEstate';
import { loadHomelabModel } from '../../plugins/homelab-backend/src/catalog/loadHomelabModel';
import { WorkloadSnapshot } from '../../plugins/homelab-backend/src/workloads/WorkloadSnapshot';
import { generateInventory } from './lib/generateInventory';
import { median, reportResult, round, runBenchmark, timed } from './lib/report';

const ENTITIES = Number(process.env.HOMELAB_BENCH_ENTITIES ?? 10_000);
// A rack of ten devices makes about 13.3 entities (its three nodes among them).
const DEVICES = Math.ceil(ENTITIES / 13.3) * 10;
const ROUTER = 'resource:default/core-router';

/** The generated estate's entities, with every switch cabled to one router. */
async function estateEntities(): Promise<Entity[]> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'blast-radius-'));
  try {
    generateInventory(directory, DEVICES);
    const validation = validateInventoryFiles(
      await readInventoryFromPath(directory),
    );
    if (!validation.inventory) throw new Error('the inventory is invalid');
    const entities = inventoryToEntities(validation.inventory, {
      origins: validation.origins,
    });
    for (const entity of entities) {
      const homelab = entity.spec?.homelab as
        | { kind?: string; connectedTo?: string[] }
        | undefined;
      if (homelab?.kind === 'switch')
        homelab.connectedTo = [...(homelab.connectedTo ?? []), ROUTER];
    }
    const router = entities.find(e => e.spec?.type === 'device')!;
    return [
      ...entities,
      {
        ...router,
        metadata: { name: 'core-router', namespace: 'default' },
        spec: { ...router.spec, homelab: { kind: 'router' } },
      },
    ];
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** Each cluster's workloads: Deployments of two pods spread over its nodes, and a DaemonSet. */
function snapshots(entities: Entity[]) {
  const nodesOf = new Map<string, string[]>();
  for (const entity of entities) {
    const facts = entity.spec?.homelab as
      | { cluster?: string; nodeName?: string }
      | undefined;
    if (entity.spec?.type !== 'kubernetes-node' || !facts?.cluster) continue;
    nodesOf.set(facts.cluster, [
      ...(nodesOf.get(facts.cluster) ?? []),
      facts.nodeName!,
    ]);
  }
  return [...nodesOf].map(([cluster, nodes]) => {
    const workloads: WorkloadSnapshot['workloads'] = [];
    for (let n = 0; n < 10; n++)
      for (let w = 0; w < 3; w++) {
        const i = n * 3 + w;
        const first = nodes[(i * 2) % nodes.length];
        const second = nodes[(i * 2 + 1) % nodes.length];
        workloads.push({
          kind: 'Deployment',
          namespace: `team-${n}`,
          name: `app-${w}`,
          replicas: 2,
          readyReplicas: 2,
          images: [],
          nodes:
            first === second ? { [first]: 2 } : { [first]: 1, [second]: 1 },
        });
      }
    workloads.push({
      kind: 'DaemonSet',
      namespace: 'kube-system',
      name: 'node-exporter',
      images: [],
      nodes: Object.fromEntries(nodes.map(node => [node, 1])),
    });
    const snapshot: WorkloadSnapshot = {
      namespaces: [],
      workloads,
      owners: {},
      loadBalancers: [],
    };
    return { cluster, snapshot };
  });
}

runBenchmark(async () => {
  const entities = await estateEntities();
  const model = await loadHomelabModel(
    catalogServiceMock({ entities }),
    mockServices.auth(),
  );
  const clusters = snapshots(entities);
  const built = await timed(() => estateOf(model, clusters));
  const estate = built.value;
  const machines = model.resources
    .filter(e => ['device', 'virtual-machine'].includes(String(e.spec?.type)))
    .map(e => `resource:default/${e.metadata.name}`);
  const times: number[] = [];
  let lostNodes = 0;
  const started = Date.now();
  for (const machine of machines) {
    const { value, ms } = await timed(() =>
      estate.radiusOf(machine, 'failure'),
    );
    times.push(ms);
    lostNodes += value?.nodes.length ?? 0;
  }
  const sorted = [...times].sort((a, b) => a - b);
  reportResult('blast radius of every machine', {
    entities: entities.length,
    machines: machines.length,
    clusters: clusters.length,
    'nodes lost over all questions': lostNodes,
    'relations built once (ms)': round(built.ms),
    'per question, mean (ms)': round(
      times.reduce((a, b) => a + b, 0) / times.length,
      2,
    ),
    'per question, p50 (ms)': round(median(times), 2),
    'per question, p99 (ms)': round(
      sorted[Math.floor(sorted.length * 0.99)],
      2,
    ),
    'per question, max (ms)': round(sorted[sorted.length - 1], 2),
    'all questions (s)': round((Date.now() - started) / 1000, 2),
  });
});
