import { ClusterClient } from '@homelab/plugin-homelab-node';
import type {
  V1DaemonSet,
  V1Deployment,
  V1Namespace,
  V1Node,
  V1Pod,
  V1ReplicaSet,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { nodeResources } from './nodeResources';
import { podPlacement } from './podPlacement';
import { WorkloadSnapshot, ownerKey } from './WorkloadSnapshot';

const apps = (plural: string) => ({ group: 'apps', version: 'v1', plural });
const core = (plural: string) => ({ group: '', version: 'v1', plural });

function controllerOf(object: V1ReplicaSet | V1Pod) {
  const owner =
    object.metadata?.ownerReferences?.find(o => o.controller) ??
    object.metadata?.ownerReferences?.[0];
  return owner ? { kind: owner.kind, name: owner.name } : undefined;
}

/** Reads what a cluster runs: namespaces, workloads, their owner chains and load-balancer addresses. */
export async function collectWorkloads(
  client: ClusterClient,
): Promise<WorkloadSnapshot> {
  const [
    namespaces,
    deployments,
    statefulSets,
    daemonSets,
    replicaSets,
    pods,
    services,
    nodes,
  ] = await Promise.all([
    client.list<V1Namespace>(core('namespaces')),
    client.list<V1Deployment>(apps('deployments')),
    client.list<V1StatefulSet>(apps('statefulsets')),
    client.list<V1DaemonSet>(apps('daemonsets')),
    client.list<V1ReplicaSet>(apps('replicasets')),
    client.list<V1Pod>(core('pods')),
    client.list<V1Service>(core('services')),
    client.list<V1Node>(core('nodes')),
  ]);

  const owners: WorkloadSnapshot['owners'] = {};
  for (const [kind, objects] of [
    ['ReplicaSet', replicaSets],
    ['Pod', pods],
  ] as const) {
    for (const object of objects) {
      const owner = controllerOf(object);
      if (owner)
        owners[
          ownerKey(
            kind,
            object.metadata?.namespace,
            object.metadata?.name ?? '',
          )
        ] = owner;
    }
  }

  const placement = podPlacement(pods, owners);

  const images = (
    spec:
      | { template?: { spec?: { containers?: Array<{ image?: string }> } } }
      | undefined,
  ) =>
    (spec?.template?.spec?.containers ?? [])
      .map(c => c.image)
      .filter((image): image is string => !!image);
  const workload = (
    kind: WorkloadSnapshot['workloads'][number]['kind'],
    object: V1Deployment | V1StatefulSet | V1DaemonSet,
    replicas: number | undefined,
    readyReplicas: number | undefined,
  ) => ({
    kind,
    namespace: object.metadata?.namespace ?? '',
    name: object.metadata?.name ?? '',
    ...(object.metadata?.labels ? { labels: object.metadata.labels } : {}),
    ...(replicas !== undefined ? { replicas } : {}),
    ...(readyReplicas !== undefined ? { readyReplicas } : {}),
    images: images(object.spec),
    nodes:
      placement.get(
        ownerKey(kind, object.metadata?.namespace, object.metadata?.name ?? ''),
      ) ?? {},
  });

  return {
    namespaces: namespaces.map(ns => ({
      name: ns.metadata?.name ?? '',
      ...(ns.metadata?.labels ? { labels: ns.metadata.labels } : {}),
    })),
    workloads: [
      ...deployments.map(d =>
        workload(
          'Deployment',
          d,
          d.spec?.replicas,
          d.status?.readyReplicas ?? 0,
        ),
      ),
      ...statefulSets.map(s =>
        workload(
          'StatefulSet',
          s,
          s.spec?.replicas,
          s.status?.readyReplicas ?? 0,
        ),
      ),
      ...daemonSets.map(d =>
        workload(
          'DaemonSet',
          d,
          d.status?.desiredNumberScheduled,
          d.status?.numberReady,
        ),
      ),
    ],
    nodes: nodeResources(nodes, pods),
    owners,
    loadBalancers: services
      .filter(service => service.spec?.type === 'LoadBalancer')
      .map(service => ({
        namespace: service.metadata?.namespace ?? '',
        name: service.metadata?.name ?? '',
        addresses: (service.status?.loadBalancer?.ingress ?? [])
          .map(ingress => ingress.ip ?? ingress.hostname)
          .filter((address): address is string => !!address),
        ports: (service.spec?.ports ?? []).map(port => port.port),
      })),
  };
}
