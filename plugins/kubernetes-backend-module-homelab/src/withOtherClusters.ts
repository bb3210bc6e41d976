import {
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';

/**
 * The homelab's clusters and those of the portal's own
 * kubernetes.clusterLocatorMethods together. A cluster both name (the
 * catalog locator reading the inventory's cluster entities, for one) is
 * taken from the homelab, once.
 */
export function withOtherClusters(
  homelab: KubernetesClustersSupplier,
  other: KubernetesClustersSupplier,
): KubernetesClustersSupplier {
  return {
    async getClusters(options): Promise<ClusterDetails[]> {
      const [own, others] = await Promise.all([
        homelab.getClusters(options),
        other.getClusters(options),
      ]);
      const names = new Set(own.map(cluster => cluster.name));
      return [...own, ...others.filter(cluster => !names.has(cluster.name))];
    },
  };
}
