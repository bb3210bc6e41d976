import { BlastRadiusStorageClass } from '@homelab/plugin-homelab-common';
import { EstateRelations } from './EstateRelations';

/**
 * Longhorn classes whose volumes may lose their last replica: those with no
 * more replicas than storage nodes lost, since Longhorn places a volume's
 * replicas on different nodes and any of them may have held them all. Live
 * volumes and replicas are not collected, so this is the worst case the
 * class allows, not an observation. A class that states no replica count
 * has Longhorn's default, 3.
 */
export function longhornReplicas(
  estate: EstateRelations,
  lostNodeRefs: ReadonlySet<string>,
): BlastRadiusStorageClass[] {
  const classes: BlastRadiusStorageClass[] = [];
  for (const [cluster, storageClasses] of estate.storageClassesOf) {
    const storageNodesLost = (estate.nodesOfCluster.get(cluster) ?? []).filter(
      node => node.roles.includes('storage') && lostNodeRefs.has(node.ref),
    ).length;
    if (!storageNodesLost) continue;
    for (const storageClass of storageClasses) {
      const replicas = storageClass.facts.replicas ?? 3;
      classes.push({
        entityRef: storageClass.ref,
        title: storageClass.title,
        cluster,
        replicas,
        storageNodesLost,
        lastReplica: storageNodesLost >= replicas ? 'lost' : 'kept',
      });
    }
  }
  return classes;
}
