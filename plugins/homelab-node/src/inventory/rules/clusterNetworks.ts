import { Cluster } from '@homelab/plugin-homelab-common';
import { cidrInterval, contains, findOverlaps, overlaps } from '../addressing';
import { formatPath } from '../problems';
import { RuleContext } from './context';
import { networkInterval } from './networkPlans';

/** The pod, service and per-node pod networks of a cluster that are stated. */
function clusterCidrs(cluster: Cluster) {
  return [
    { path: ['podCidr'], cidr: cluster.podCidr },
    { path: ['serviceCidr'], cidr: cluster.serviceCidr },
    ...cluster.nodes.map((node, index) => ({
      path: ['nodes', index, 'podCidr'],
      cidr: node.podCidr,
    })),
  ].filter((entry): entry is { path: Array<string | number>; cidr: string } =>
    Boolean(entry.cidr),
  );
}

/** Pod and service networks must not shadow a LAN of the inventory. */
function checkLanCollisions(context: RuleContext, cluster: Cluster) {
  for (const { path, cidr } of clusterCidrs(cluster)) {
    const interval = cidrInterval(cidr);
    for (const network of context.inventory.networks) {
      const lan = networkInterval(network);
      if (lan && overlaps(interval, lan)) {
        context.error(
          cluster,
          path,
          'cluster-cidr-collision',
          `${formatPath(path)} ${cidr} overlaps LAN network "${
            network.name
          }" (${network.cidr}); pods and services would shadow real hosts`,
        );
      }
    }
  }
}

/** Each node's pod network lies in the cluster's, apart from the others and the services. */
function checkNodePodCidrs(context: RuleContext, cluster: Cluster) {
  const nodeCidrs = cluster.nodes.flatMap((node, index) =>
    node.podCidr ? [{ node, index, interval: cidrInterval(node.podCidr) }] : [],
  );
  const pods = cluster.podCidr ? cidrInterval(cluster.podCidr) : undefined;
  const services = cluster.serviceCidr
    ? cidrInterval(cluster.serviceCidr)
    : undefined;
  for (const { node, index, interval } of nodeCidrs) {
    if (pods && !contains(pods, interval)) {
      context.error(
        cluster,
        ['nodes', index, 'podCidr'],
        'node-pod-cidr',
        `node "${node.name}" has pod network ${node.podCidr}, outside the cluster's podCidr ${cluster.podCidr}; the CNI hands nodes parts of the cluster's pod network`,
      );
    }
    if (services && overlaps(services, interval)) {
      context.error(
        cluster,
        ['nodes', index, 'podCidr'],
        'cluster-cidr-collision',
        `node "${node.name}" has pod network ${node.podCidr}, which overlaps serviceCidr ${cluster.serviceCidr}`,
      );
    }
  }
  for (const [a, b] of findOverlaps(nodeCidrs)) {
    const [first, second] = a.index < b.index ? [a, b] : [b, a];
    context.error(
      cluster,
      ['nodes', second.index, 'podCidr'],
      'node-pod-cidr',
      `node "${second.node.name}" has pod network ${second.node.podCidr}, which overlaps that of node "${first.node.name}" (${first.node.podCidr}); two nodes would hand out the same pod addresses`,
    );
  }
}

/** The cluster's pod and service networks, apart from each other and from every LAN. */
export function checkClusterCidrs(context: RuleContext) {
  for (const cluster of context.inventory.clusters) {
    checkLanCollisions(context, cluster);
    if (
      cluster.podCidr &&
      cluster.serviceCidr &&
      overlaps(cidrInterval(cluster.podCidr), cidrInterval(cluster.serviceCidr))
    ) {
      context.error(
        cluster,
        ['serviceCidr'],
        'cluster-cidr-collision',
        `serviceCidr ${cluster.serviceCidr} overlaps podCidr ${cluster.podCidr}`,
      );
    }
    checkNodePodCidrs(context, cluster);
  }
}
