import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import { EntityIndex } from '../workloads/EntityIndex';
import { resolveWorkload } from '../workloads/resolveWorkload';
import {
  labelledObjects,
  WorkloadSnapshot,
} from '../workloads/WorkloadSnapshot';
import { CpuLoad } from './inventoryEstimate';
import { CpuUsageQueries, WINDOW_PLACEHOLDER } from './PowerSettings';

/** An app as power is apportioned to it: its entity, else its namespace. */
export interface PowerApp {
  cluster: string;
  name: string;
  entityRef?: string;
}

/** CPU cores used on average over a window, by what power is apportioned to. */
export interface CpuUse {
  /** Per node entity ref, the cores each app's pods used there, keyed by app name. */
  apps: Map<string, Map<string, { app: PowerApp; cores: number }>>;
  /** Cores per virtual machine entity ref. */
  guests: Map<string, number>;
}

interface NodeFacts {
  cluster?: string;
  nodeName?: string;
}

/** What the CPU use of pods and guests is matched to. */
interface CpuUseContext {
  resources: Entity[];
  index: EntityIndex;
  /** Each cluster's latest workloads, for pods' owners and labels. */
  workloads: Map<string, WorkloadSnapshot>;
}

function nodeRefs(resources: Entity[]) {
  const byName = new Map<string, Array<{ ref: string; cluster: string }>>();
  for (const entity of resources) {
    if (entity.spec?.type !== HOMELAB_RESOURCE_TYPES.node) continue;
    const facts = entity.spec?.homelab as NodeFacts;
    if (!facts.nodeName || !facts.cluster) continue;
    const list = byName.get(facts.nodeName) ?? [];
    list.push({ ref: stringifyEntityRef(entity), cluster: facts.cluster });
    byName.set(facts.nodeName, list);
  }
  return byName;
}

function appOf(
  context: CpuUseContext,
  cluster: string,
  namespace: string,
  pod: string,
): PowerApp {
  const snapshot = context.workloads.get(cluster);
  const owner = resolveWorkload(
    { kind: 'Pod', namespace, name: pod },
    snapshot,
  );
  let labels: Record<string, string> | undefined;
  for (const object of labelledObjects(snapshot)) {
    if (
      object.kind === owner.kind &&
      object.namespace === namespace &&
      object.name === owner.name
    ) {
      labels = object.labels;
      break;
    }
  }
  const entityRef = context.index.entityFor(cluster, namespace, labels ?? {});
  return { cluster, name: entityRef ?? `namespace/${namespace}`, entityRef };
}

const inWindow = (query: string, window: string) =>
  query.split(WINDOW_PLACEHOLDER).join(window);

/**
 * Cores used per app on each node and per guest, averaged over the window
 * before `at`. A node is found by its name (and the sample's cluster label,
 * when it has one); a name two clusters share without a cluster label is
 * left out, with a warning, rather than guessed.
 */
export async function readCpuUse(
  prometheus: PrometheusClient,
  queries: CpuUsageQueries,
  context: CpuUseContext,
  window: string,
  at: Date,
  warnings: string[],
): Promise<CpuUse> {
  const use: CpuUse = { apps: new Map(), guests: new Map() };
  const nodes = nodeRefs(context.resources);
  const ambiguous = new Set<string>();
  const pods = await prometheus
    .query(inWindow(queries.pods, window), at)
    .catch(error => {
      warnings.push(`CPU use of pods over ${window}: ${error.message}`);
      return [];
    });
  for (const { labels, value } of pods) {
    const candidates = (nodes.get(labels.node) ?? []).filter(
      n => !labels.cluster || n.cluster === labels.cluster,
    );
    if (candidates.length !== 1 || !Number.isFinite(value) || value <= 0) {
      if (candidates.length > 1) ambiguous.add(labels.node);
      continue;
    }
    const [{ ref, cluster }] = candidates;
    const app = appOf(context, cluster, labels.namespace, labels.pod);
    const apps = use.apps.get(ref) ?? new Map();
    const entry = apps.get(app.name) ?? { app, cores: 0 };
    entry.cores += value;
    apps.set(app.name, entry);
    use.apps.set(ref, apps);
  }
  for (const node of ambiguous) {
    warnings.push(
      `Node ${node} is in several clusters and the CPU use query has no cluster label: its pods' use is left out`,
    );
  }
  await readGuestUse(
    prometheus,
    queries,
    context.resources,
    window,
    at,
    use,
    warnings,
  );
  return use;
}

async function readGuestUse(
  prometheus: PrometheusClient,
  queries: CpuUsageQueries,
  resources: Entity[],
  window: string,
  at: Date,
  use: CpuUse,
  warnings: string[],
) {
  const byVmid = new Map<number, Entity[]>();
  for (const entity of resources) {
    const vmid = (entity.spec?.homelab as { vmid?: number })?.vmid;
    if (entity.spec?.type !== HOMELAB_RESOURCE_TYPES.virtualMachine || !vmid)
      continue;
    byVmid.set(vmid, [...(byVmid.get(vmid) ?? []), entity]);
  }
  if (!byVmid.size) return;
  const guests = await prometheus
    .query(inWindow(queries.guests, window), at)
    .catch(error => {
      warnings.push(`CPU use of guests over ${window}: ${error.message}`);
      return [];
    });
  for (const { labels, value } of guests) {
    const vmid = Number(/^qemu\/(\d+)$/.exec(labels.id ?? '')?.[1]);
    const entities = byVmid.get(vmid) ?? [];
    if (entities.length === 1 && Number.isFinite(value) && value > 0)
      use.guests.set(stringifyEntityRef(entities[0]), value);
  }
}

/**
 * The share of each device's cores that the pods of the Kubernetes nodes
 * on it used, over the day and 30 days: for devices with a core count and
 * a node whose CPU use was read.
 */
export function deviceLoads(
  resources: Entity[],
  cpu: { day: CpuUse; month: CpuUse },
): Map<string, CpuLoad> {
  const used = (use: CpuUse, nodeRef: string) =>
    [...(use.apps.get(nodeRef)?.values() ?? [])].reduce(
      (total, app) => total + app.cores,
      0,
    );
  const loads = new Map<string, CpuLoad>();
  for (const node of resources) {
    const nodeRef = stringifyEntityRef(node);
    const device = (node.spec?.homelab as { hostedOn?: string }).hostedOn;
    if (node.spec?.type !== HOMELAB_RESOURCE_TYPES.node || !device) continue;
    if (!cpu.day.apps.has(nodeRef)) continue;
    const cores = (
      resources.find(e => stringifyEntityRef(e) === device)?.spec?.homelab as {
        cpu?: { cores?: number };
      }
    )?.cpu?.cores;
    if (!cores) continue;
    const load = loads.get(device) ?? { day: 0, month: 0, cores };
    load.day += used(cpu.day, nodeRef) / cores;
    load.month += used(cpu.month, nodeRef) / cores;
    loads.set(device, load);
  }
  return loads;
}
