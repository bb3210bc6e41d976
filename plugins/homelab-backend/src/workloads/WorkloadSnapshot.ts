/** A node's allocatable resources and what the pods holding it request. */
export interface NodeResources {
  name: string;
  /** status.allocatable; a figure the node does not state is absent. */
  allocatable: {
    cpuCores?: number;
    memoryBytes?: number;
    pods?: number;
    ephemeralStorageBytes?: number;
  };
  /** The requests of the pods holding the node, summed; nothing requested is 0. */
  requests: {
    cpuCores: number;
    memoryBytes: number;
    ephemeralStorageBytes: number;
  };
  /** Pods holding the node: scheduled, neither Succeeded nor Failed. */
  pods: number;
}

/** The workloads of a cluster, as the topology, posture and drift need them. */
export interface WorkloadSnapshot {
  namespaces: Array<{ name: string; labels?: Record<string, string> }>;
  workloads: Array<{
    kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
    namespace: string;
    name: string;
    labels?: Record<string, string>;
    replicas?: number;
    readyReplicas?: number;
    images: string[];
    /**
     * Its pods per node they are scheduled on, counting those neither
     * Succeeded nor Failed. Absent in snapshots recorded before placement was
     * read: then where it runs is unknown, not nowhere.
     */
    nodes?: Record<string, number>;
  }>;
  /**
   * Each node's allocatable resources and the requests of the pods on it.
   * Absent in snapshots recorded before capacity was read: then allocatable
   * and requests are unknown, not zero.
   */
  nodes?: NodeResources[];
  /**
   * CronJobs and their labels, which the entity of a CronJob's findings
   * (its own, its Jobs' and their pods') is matched on. Absent in snapshots
   * recorded before CronJobs were read, or by a service account that may
   * not list them: then unknown, not none.
   */
  cronJobs?: Array<{
    namespace: string;
    name: string;
    labels?: Record<string, string>;
  }>;
  /** The owner of each ReplicaSet, Job and Pod (ownedKind), keyed "Kind/namespace/name". */
  owners: Record<string, { kind: string; name: string }>;
  /** Services of type LoadBalancer and the addresses they were given. */
  loadBalancers: Array<{
    namespace: string;
    name: string;
    addresses: string[];
    ports: number[];
  }>;
}

/** Whether a snapshot keeps the owners of this kind of object: ReplicaSets, Jobs and Pods. */
export const ownedKind = (kind: string) =>
  kind === 'ReplicaSet' || kind === 'Pod' || kind === 'Job';

/**
 * The objects of a snapshot whose labels match them to entities: its
 * workloads and CronJobs, the ends of the owner chains.
 */
export function* labelledObjects(snapshot: WorkloadSnapshot | undefined) {
  yield* snapshot?.workloads ?? [];
  for (const cronJob of snapshot?.cronJobs ?? [])
    yield { kind: 'CronJob', ...cronJob };
}

export const ownerKey = (
  kind: string,
  namespace: string | undefined,
  name: string,
) => `${kind}/${namespace ?? ''}/${name}`;
