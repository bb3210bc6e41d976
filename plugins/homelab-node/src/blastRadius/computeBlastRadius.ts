import {
  BlastRadius,
  BlastRadiusMode,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import { clusterImpact } from './clusterImpact';
import { EstateRelations } from './EstateRelations';
import { longhornReplicas } from './longhornReplicas';
import { lostResources } from './lostResources';
import { workloadEffects } from './workloadEffects';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** One sentence: the clusters' verdicts first, then the counts of what goes. */
function summarize(
  title: string,
  radius: Omit<BlastRadius, 'summary' | 'freshness' | 'generatedAt'>,
): string {
  const verdicts = radius.clusters.map(c => `${c.cluster} ${c.summary}`);
  const stops = radius.apps.filter(
    a => a.effect === 'down' || a.effect === 'interrupted',
  ).length;
  const counts = [
    radius.down.length > 1 &&
      `${count(radius.down.length - 1, 'resource')} with it`,
    radius.cutOff.length && `${count(radius.cutOff.length, 'machine')} cut off`,
    stops && `${count(stops, 'app')} stopped`,
    radius.keepsRunning.length &&
      `${count(radius.keepsRunning.length, 'app')} ${
        radius.keepsRunning.length === 1 ? 'keeps' : 'keep'
      } running`,
  ].filter(Boolean);
  const parts = [...verdicts, ...counts];
  return parts.length
    ? `Without ${title}: ${parts.join('; ')}.`
    : `Nothing else on record goes down with ${title}.`;
}

/**
 * What goes down with a resource: the machines and storage it carries, the
 * machines it cuts off, the Kubernetes nodes on them, what each cluster keeps
 * of its control plane and etcd, the workloads and apps on those nodes, and
 * the Longhorn classes that may lose a volume's last replica. Undefined when
 * the estate has no such resource.
 */
export function computeBlastRadius(
  estate: EstateRelations,
  subjectRef: string,
  mode: BlastRadiusMode,
  freshness: SourceFreshness[],
  now: Date,
): BlastRadius | undefined {
  const subject = estate.resources.get(subjectRef);
  if (!subject) return undefined;
  const lost = lostResources(estate, subjectRef);
  const lostNodeRefs = new Set(lost.nodes.map(n => n.node.ref));
  const clusters = clusterImpact(estate, lostNodeRefs);
  const { workloads, apps } = workloadEffects(
    estate,
    clusters,
    lostNodeRefs,
    mode,
  );
  const radius = {
    subject: {
      entityRef: subject.ref,
      title: subject.title,
      type: subject.type,
    },
    mode,
    down: lost.down,
    cutOff: lost.cutOff,
    nodes: lost.nodes.map(({ node, loss, reason }) => ({
      entityRef: node.ref,
      name: node.name,
      cluster: node.cluster,
      loss,
      reason,
    })),
    clusters,
    workloads,
    apps,
    storageClasses: longhornReplicas(estate, lostNodeRefs),
    slos: [],
    keepsRunning: apps
      .filter(a => a.effect === 'moves' || a.effect === 'degraded')
      .map(a => a.entityRef),
  };
  return {
    ...radius,
    summary: summarize(subject.title, radius),
    freshness: freshness.filter(f =>
      clusters.some(c => c.cluster === f.cluster),
    ),
    generatedAt: now.toISOString(),
  };
}
