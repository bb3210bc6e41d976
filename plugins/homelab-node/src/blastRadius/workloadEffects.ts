import {
  BlastRadiusApp,
  BlastRadiusCluster,
  BlastRadiusEffect,
  BlastRadiusMode,
  BlastRadiusWorkload,
} from '@homelab/plugin-homelab-common';
import { EstateRelations } from './EstateRelations';
import { PlacedWorkload } from './PlacedWorkload';

/** Worst first: an app takes the worst effect of its workloads. */
const EFFECT_ORDER: BlastRadiusEffect[] = [
  'down',
  'interrupted',
  'degraded',
  'unknown',
  'moves',
];

/** What a cluster can still do for the workloads on its lost nodes. */
interface ClusterLoss {
  lostNodes: ReadonlySet<string>;
  remaining: number;
  /** Whether Kubernetes can start pods elsewhere: a node is left and so is the control plane. */
  canMove: boolean;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const allPods = (total: number) =>
  total === 1 ? 'its only pod was' : `all ${total} pods were`;

function effectOn(
  workload: PlacedWorkload,
  loss: ClusterLoss,
  mode: BlastRadiusMode,
): Pick<BlastRadiusWorkload, 'effect' | 'pods' | 'reason'> | undefined {
  if (!workload.nodes)
    return { effect: 'unknown', reason: 'where its pods run was not recorded' };
  const placed = Object.entries(workload.nodes);
  const total = sum(placed.map(([, pods]) => pods));
  const lost = sum(
    placed.filter(([node]) => loss.lostNodes.has(node)).map(([, n]) => n),
  );
  if (!lost) return undefined;
  const pods = { lost, total };
  const kept = total - lost;
  if (workload.kind === 'DaemonSet' || !loss.canMove) {
    const why =
      workload.kind === 'DaemonSet'
        ? 'a DaemonSet runs one pod per node'
        : cannotMove(loss);
    return kept
      ? {
          effect: 'degraded',
          pods,
          reason: `keeps ${kept} of ${total} pods: ${why}`,
        }
      : {
          effect: 'down',
          pods,
          reason: `${allPods(total)} on the lost nodes: ${why}`,
        };
  }
  if (mode === 'maintenance')
    return {
      effect: 'moves',
      pods,
      reason: `${lost} of ${total} pods are drained to the ${loss.remaining} remaining nodes first`,
    };
  return kept
    ? {
        effect: 'degraded',
        pods,
        reason: `keeps ${kept} of ${total} pods until Kubernetes replaces the lost ones`,
      }
    : {
        effect: 'interrupted',
        pods,
        reason: `${allPods(total)} on the lost nodes; Kubernetes starts ${
          total === 1 ? 'it' : 'them'
        } on a remaining node once the lost ones are marked unreachable (5 minutes by default)`,
      };
}

function cannotMove(loss: ClusterLoss): string {
  return loss.remaining
    ? 'without its control plane, nothing starts them elsewhere'
    : 'no node of the cluster is left';
}

/**
 * What happens to each workload with pods on the lost nodes, from where its
 * pods were placed in the latest snapshot, and to the apps they belong to.
 */
export function workloadEffects(
  estate: EstateRelations,
  clusters: BlastRadiusCluster[],
  lostNodeRefs: ReadonlySet<string>,
  mode: BlastRadiusMode,
): { workloads: BlastRadiusWorkload[]; apps: BlastRadiusApp[] } {
  const workloads: BlastRadiusWorkload[] = [];
  for (const impact of clusters) {
    const lostNodes = new Set(
      (estate.nodesOfCluster.get(impact.cluster) ?? [])
        .filter(node => lostNodeRefs.has(node.ref))
        .map(node => node.name),
    );
    const remaining = impact.nodes.total - impact.nodes.lost;
    const loss = {
      lostNodes,
      remaining,
      canMove: remaining > 0 && impact.controlPlane.kept,
    };
    for (const item of estate.workloadsOfCluster.get(impact.cluster) ?? []) {
      const effect = effectOn(item, loss, mode);
      if (!effect) continue;
      const { kind, namespace, name, entityRef } = item;
      workloads.push({
        cluster: impact.cluster,
        namespace,
        kind,
        name,
        ...(entityRef ? { entityRef } : {}),
        ...effect,
      });
    }
  }
  workloads.sort(
    (a, b) =>
      EFFECT_ORDER.indexOf(a.effect) - EFFECT_ORDER.indexOf(b.effect) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
  return { workloads, apps: appsOf(workloads) };
}

/** Each app's worst effect, worst first. */
function appsOf(workloads: BlastRadiusWorkload[]): BlastRadiusApp[] {
  const apps = new Map<string, BlastRadiusApp>();
  for (const workload of workloads) {
    if (!workload.entityRef) continue;
    const app = apps.get(workload.entityRef);
    if (!app) {
      apps.set(workload.entityRef, {
        entityRef: workload.entityRef,
        effect: workload.effect,
        workloads: 1,
      });
      continue;
    }
    app.workloads += 1;
    if (
      EFFECT_ORDER.indexOf(workload.effect) < EFFECT_ORDER.indexOf(app.effect)
    )
      app.effect = workload.effect;
  }
  return [...apps.values()].sort(
    (a, b) =>
      EFFECT_ORDER.indexOf(a.effect) - EFFECT_ORDER.indexOf(b.effect) ||
      a.entityRef.localeCompare(b.entityRef),
  );
}
