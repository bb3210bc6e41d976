import { BlastRadiusCluster } from '@homelab/plugin-homelab-common';
import { EstateRelations } from './EstateRelations';

/**
 * Whether a cluster's datastore is etcd on its control-plane nodes. A single
 * k3s server keeps its state in SQLite unless started with --cluster-init,
 * which the inventory does not record; every other distribution here stacks
 * etcd on the control plane.
 */
const hasStackedEtcd = (distribution: string | undefined, servers: number) =>
  !(distribution === 'k3s' && servers === 1);

function summary(cluster: Omit<BlastRadiusCluster, 'summary'>): string {
  const { nodes, controlPlane, etcd } = cluster;
  if (nodes.lost === nodes.total)
    return nodes.total === 1
      ? 'loses its only node'
      : `loses all ${nodes.total} nodes`;
  const parts = [`loses ${nodes.lost} of ${nodes.total} nodes`];
  if (controlPlane.total === 0) parts.push('its control plane is not recorded');
  else if (!controlPlane.kept) parts.push('loses its control plane');
  else if (controlPlane.lost)
    parts.push(
      `keeps ${controlPlane.total - controlPlane.lost} of ${
        controlPlane.total
      } control-plane nodes`,
    );
  if (etcd && !etcd.quorumKept)
    parts.push(`loses etcd quorum (${etcd.lost} of ${etcd.members} members)`);
  return parts.join(', ');
}

/**
 * What each cluster that loses nodes keeps: nodes, control plane, and an
 * etcd majority (more than half of its members).
 */
export function clusterImpact(
  estate: EstateRelations,
  lostNodes: ReadonlySet<string>,
): BlastRadiusCluster[] {
  const impacts: BlastRadiusCluster[] = [];
  for (const [cluster, nodes] of estate.nodesOfCluster) {
    const lost = nodes.filter(node => lostNodes.has(node.ref));
    if (!lost.length) continue;
    const entityRef = estate.clusterRefs.get(cluster) ?? cluster;
    const facts = estate.resources.get(entityRef)?.facts;
    const servers = nodes.filter(n => n.roles.includes('control-plane'));
    const serversLost = servers.filter(n => lostNodes.has(n.ref)).length;
    const impact: Omit<BlastRadiusCluster, 'summary'> = {
      cluster,
      entityRef,
      ...(facts?.environment ? { environment: facts.environment } : {}),
      nodes: { total: nodes.length, lost: lost.length },
      controlPlane: {
        total: servers.length,
        lost: serversLost,
        kept: servers.length > serversLost,
      },
      ...(servers.length && hasStackedEtcd(facts?.distribution, servers.length)
        ? {
            etcd: {
              members: servers.length,
              lost: serversLost,
              quorumKept:
                servers.length - serversLost > Math.floor(servers.length / 2),
            },
          }
        : {}),
    };
    impacts.push({ ...impact, summary: summary(impact) });
  }
  return impacts;
}
