import {
  INVENTORY_API_VERSION,
  LEGACY_INVENTORY_API_VERSION,
} from '@homelab/plugin-homelab-common';
import { PathSegment } from '../problems';

/**
 * One change that turns a homelab.dev/v1alpha1 document into a
 * homelab.dev/v1alpha2 one: a value set, or one taken out.
 *
 * @public
 */
export type MigrationChange =
  | { path: PathSegment[]; set: unknown; reason: string }
  | { path: PathSegment[]; remove: true; reason: string };

/**
 * What migrating a document changes, and what it leaves for a person to
 * decide because the new version reads it differently.
 *
 * @public
 */
export interface MigrationPlan {
  changes: MigrationChange[];
  /** Facts the new version reads differently, with the advice, at their path. */
  notes: Array<{ path: PathSegment[]; message: string }>;
}

type Record_ = Record<string, unknown>;

const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const items = (document: Record_, section: string): Array<[number, Record_]> =>
  Array.isArray(document[section])
    ? (document[section] as unknown[])
        .map((item, index) => [index, item] as [number, unknown])
        .filter((entry): entry is [number, Record_] => isRecord(entry[1]))
    : [];

/** v1alpha1 had VMs state their vCPUs as cpu.cores; v1alpha2 keeps physical cores apart. */
function vmCores(document: Record_, plan: MigrationPlan) {
  for (const [index, device] of items(document, 'devices')) {
    const cpu = device.cpu;
    if (device.kind !== 'virtual-machine' || !isRecord(cpu)) continue;
    if (typeof cpu.cores !== 'number' || device.vcpus !== undefined) continue;
    const path = ['devices', index];
    plan.changes.push({
      path: [...path, 'vcpus'],
      set: cpu.cores,
      reason: 'the cores of a virtual machine are its vCPUs',
    });
    const rest = Object.keys(cpu).filter(
      key => key !== 'cores' && key !== 'threads',
    );
    if (rest.length === 0) {
      plan.changes.push({
        path: [...path, 'cpu'],
        remove: true,
        reason: 'a virtual machine states vcpus, not physical cores',
      });
    } else {
      for (const key of ['cores', 'threads'].filter(k => k in cpu)) {
        plan.changes.push({
          path: [...path, 'cpu', key],
          remove: true,
          reason: 'a virtual machine states vcpus, not physical cores',
        });
      }
    }
  }
}

/** The GitOps tool a v1alpha1 cluster names among its platform services, if one does unambiguously. */
function gitopsToolOf(cluster: Record_): 'flux' | 'argocd' | undefined {
  const tools = new Set<'flux' | 'argocd'>();
  for (const service of Array.isArray(cluster.platformServices)
    ? cluster.platformServices
    : []) {
    if (!isRecord(service) || service.category !== 'gitops') continue;
    const words = [service.name, service.title, service.chart]
      .filter(w => typeof w === 'string')
      .join(' ');
    if (/flux/i.test(words)) tools.add('flux');
    if (/argo/i.test(words)) tools.add('argocd');
  }
  return tools.size === 1 ? [...tools][0] : undefined;
}

function clusterGitops(document: Record_, plan: MigrationPlan) {
  for (const [index, cluster] of items(document, 'clusters')) {
    if (cluster.gitops !== undefined) continue;
    const tool = gitopsToolOf(cluster);
    if (tool) {
      plan.changes.push({
        path: ['clusters', index, 'gitops'],
        set: { tool },
        reason: `its gitops platform service is ${
          tool === 'flux' ? 'Flux' : 'Argo CD'
        }`,
      });
    } else {
      plan.notes.push({
        path: ['clusters', index],
        message:
          'v1alpha2 says how a cluster is reconciled from Git: add gitops: { tool: flux | argocd | none } if you know it; the docs say "not stated" until then',
      });
    }
  }
}

function networkInternet(document: Record_, plan: MigrationPlan) {
  for (const [index, network] of items(document, 'networks')) {
    if (network.internet !== undefined) continue;
    plan.notes.push({
      path: ['networks', index],
      message:
        'v1alpha1 read a missing "internet" as full access; v1alpha2 reads it as not stated. Add internet: full where that is true',
    });
  }
}

/**
 * What turns a homelab.dev/v1alpha1 document into homelab.dev/v1alpha2:
 * the new apiVersion, virtual machines' cpu.cores as vcpus, and each
 * cluster's GitOps tool where its platform services name one. Networks
 * without `internet` are noted, not changed: v1alpha1 defaulted them to
 * full access, which v1alpha2 no longer assumes. Documents of another
 * version need no change.
 *
 * @public
 */
export function planMigration(document: unknown): MigrationPlan {
  const plan: MigrationPlan = { changes: [], notes: [] };
  if (!isRecord(document)) return plan;
  if (document.apiVersion !== LEGACY_INVENTORY_API_VERSION) return plan;
  plan.changes.push({
    path: ['apiVersion'],
    set: INVENTORY_API_VERSION,
    reason: 'the current version of the format',
  });
  vmCores(document, plan);
  clusterGitops(document, plan);
  networkInternet(document, plan);
  return plan;
}

/** Applies a plan's changes to a document's value, in place. */
export function applyMigration(document: unknown, plan: MigrationPlan) {
  for (const change of plan.changes) {
    let parent = document as Record<PathSegment, unknown>;
    for (const segment of change.path.slice(0, -1))
      parent = parent[segment] as Record<PathSegment, unknown>;
    const key = change.path[change.path.length - 1];
    if ('remove' in change) delete parent[key];
    else parent[key] = change.set;
  }
}
