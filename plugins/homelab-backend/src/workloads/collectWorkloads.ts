import { ClusterClient } from '@homelab/plugin-homelab-node';
import type {
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Job,
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
const batch = (plural: string) => ({ group: 'batch', version: 'v1', plural });

function controllerOf(object: V1ReplicaSet | V1Job | V1Pod) {
  const owner =
    object.metadata?.ownerReferences?.find(o => o.controller) ??
    object.metadata?.ownerReferences?.[0];
  return owner ? { kind: owner.kind, name: owner.name } : undefined;
}

/** The owner of each ReplicaSet, Job and Pod, keyed as the snapshot keys them. */
function ownersOf(
  replicaSets: V1ReplicaSet[],
  jobs: V1Job[],
  pods: V1Pod[],
): WorkloadSnapshot['owners'] {
  const owners: WorkloadSnapshot['owners'] = {};
  for (const [kind, objects] of [
    ['ReplicaSet', replicaSets],
    ['Job', jobs],
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
  return owners;
}

/** What the snapshot lacks without each batch kind. */
const WITHOUT = {
  jobs: "the findings of a CronJob's pods stay on the Job that ran them",
  cronjobs:
    "a CronJob's labels are unknown, and its findings go to its namespace's entity",
};

/**
 * The CronJobs and Jobs of a cluster, or none with a warning where the
 * service account may not list them: service accounts set up before they
 * were read have no such grant, and the rest of the snapshot stands
 * without them.
 */
async function listBatch<T extends V1CronJob | V1Job>(
  client: ClusterClient,
  plural: 'cronjobs' | 'jobs',
  warn: (warning: string) => void,
): Promise<T[] | undefined> {
  try {
    return await client.list<T>(batch(plural));
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 403) throw error;
    warn(
      `the service account may not list ${plural} (batch), so ${WITHOUT[plural]}; grant it get and list on them`,
    );
    return undefined;
  }
}

/** Reads what a cluster runs: namespaces, workloads, CronJobs, their owner chains and load-balancer addresses. */
export async function collectWorkloads(
  client: ClusterClient,
  warn: (warning: string) => void = () => {},
): Promise<WorkloadSnapshot> {
  const [
    namespaces,
    deployments,
    statefulSets,
    daemonSets,
    replicaSets,
    cronJobs,
    jobs,
    pods,
    services,
    nodes,
  ] = await Promise.all([
    client.list<V1Namespace>(core('namespaces')),
    client.list<V1Deployment>(apps('deployments')),
    client.list<V1StatefulSet>(apps('statefulsets')),
    client.list<V1DaemonSet>(apps('daemonsets')),
    client.list<V1ReplicaSet>(apps('replicasets')),
    listBatch<V1CronJob>(client, 'cronjobs', warn),
    listBatch<V1Job>(client, 'jobs', warn),
    client.list<V1Pod>(core('pods')),
    client.list<V1Service>(core('services')),
    client.list<V1Node>(core('nodes')),
  ]);

  const owners = ownersOf(replicaSets, jobs ?? [], pods);
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
    ...(cronJobs
      ? {
          cronJobs: cronJobs.map(cronJob => ({
            namespace: cronJob.metadata?.namespace ?? '',
            name: cronJob.metadata?.name ?? '',
            ...(cronJob.metadata?.labels
              ? { labels: cronJob.metadata.labels }
              : {}),
          })),
        }
      : {}),
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
