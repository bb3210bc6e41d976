import type { SourceFreshness } from './types';

/**
 * How the loss is assumed: an unplanned failure, or a planned maintenance in
 * which the nodes are drained before they go.
 *
 * @public
 */
export type BlastRadiusMode = 'failure' | 'maintenance';

/**
 * What happens to a workload or app:
 * down: stops and stays down (nothing left to run it, or no control plane to
 * move it); interrupted: stops until Kubernetes starts it on a remaining node;
 * degraded: keeps running on fewer pods; moves: drained to the remaining
 * nodes before its own go, and keeps running; unknown: where it runs was not
 * recorded.
 *
 * @public
 */
export type BlastRadiusEffect =
  | 'down'
  | 'interrupted'
  | 'degraded'
  | 'moves'
  | 'unknown';

/**
 * A catalog resource that goes with the subject, and why.
 *
 * @public
 */
export interface BlastRadiusResource {
  /** Its catalog ref. */
  entityRef: string;
  /** Its title, or else its name. */
  title: string;
  /** Its spec.type, like "device", "virtual-machine" or "storage". */
  type: string;
  /** Why it goes, like "hosted on RK1 module 1". */
  reason: string;
}

/**
 * A Kubernetes node lost with the subject.
 *
 * @public
 */
export interface BlastRadiusNode {
  /** The node's catalog ref. */
  entityRef: string;
  /** Its Kubernetes node name. */
  name: string;
  /** The cluster it is a node of. */
  cluster: string;
  /** down: its machine goes; cut-off: its machine keeps power but loses its path to the router. */
  loss: 'down' | 'cut-off';
  /** Why it is lost, like "RK1 module 1 goes down". */
  reason: string;
}

/**
 * What a cluster keeps of its nodes, control plane and etcd.
 *
 * @public
 */
export interface BlastRadiusCluster {
  /** The cluster's name. */
  cluster: string;
  /** The cluster's catalog ref. */
  entityRef: string;
  /** The environment it serves. */
  environment?: string;
  /** Its nodes, and how many of them are lost. */
  nodes: { total: number; lost: number };
  /** Its control-plane nodes, how many are lost, and whether one remains. */
  controlPlane: { total: number; lost: number; kept: boolean };
  /**
   * The etcd members (the control-plane nodes, whose etcd is stacked) and
   * whether a majority remains. Absent where the datastore is not etcd: a
   * single k3s server keeps its state in SQLite.
   */
  etcd?: { members: number; lost: number; quorumKept: boolean };
  /** For people, like "loses its control plane and etcd quorum (1 of 1 members)". */
  summary: string;
}

/**
 * A workload, where it ran and what happens to it.
 *
 * @public
 */
export interface BlastRadiusWorkload {
  /** The cluster it runs in. */
  cluster: string;
  /** Its namespace. */
  namespace: string;
  /** Its kind. */
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  /** Its name. */
  name: string;
  /** The catalog entity it belongs to, if known. */
  entityRef?: string;
  /** What happens to it. */
  effect: BlastRadiusEffect;
  /** Its pods on the lost nodes, and in all; absent when placement is unknown. */
  pods?: { lost: number; total: number };
  /** Why, like "keeps 2 of 3 pods: a DaemonSet runs one pod per node". */
  reason: string;
}

/**
 * An app (a catalog entity with workloads) and its worst effect.
 *
 * @public
 */
export interface BlastRadiusApp {
  /** The app's catalog ref. */
  entityRef: string;
  /** The worst effect on its workloads. */
  effect: BlastRadiusEffect;
  /** Its workloads the loss touches. */
  workloads: number;
}

/**
 * A Longhorn storage class whose volumes may lose their last replica: the
 * verdict comes from the class's replica count and the storage nodes lost,
 * not from live volumes, which are not collected.
 *
 * @public
 */
export interface BlastRadiusStorageClass {
  /** The storage class's catalog ref. */
  entityRef: string;
  /** Its title, or else its name. */
  title: string;
  /** The cluster it belongs to. */
  cluster: string;
  /** Replicas per volume (Longhorn's default, 3, where the inventory states none). */
  replicas: number;
  /** The cluster's storage nodes lost. */
  storageNodesLost: number;
  /** lost: every replica of a volume may have been on the lost nodes; kept: at least one survives. */
  lastReplica: 'lost' | 'kept';
}

/**
 * An SLO of an app the loss touches.
 *
 * @public
 */
export interface BlastRadiusSlo {
  /** The SLO's id. */
  id: string;
  /** Its display name, or else its name. */
  title: string;
  /** The app it measures. */
  entityRef?: string;
  /** What happens to that app. */
  effect: BlastRadiusEffect;
}

/**
 * What goes down with a device, VM, network, storage, node or cluster.
 *
 * @public
 */
export interface BlastRadius {
  /** The resource asked about. */
  subject: { entityRef: string; title: string; type: string };
  /** Failure or planned maintenance. */
  mode: BlastRadiusMode;
  /** One sentence for people. */
  summary: string;
  /** Machines and storage that lose power or their backing with it. */
  down: BlastRadiusResource[];
  /** Machines that keep power but lose their network path to the router. */
  cutOff: BlastRadiusResource[];
  /** Kubernetes nodes lost: on machines that go down or are cut off, or the subject's own. */
  nodes: BlastRadiusNode[];
  /** What each cluster that loses nodes keeps. */
  clusters: BlastRadiusCluster[];
  /** Workloads with pods on the lost nodes, worst first. */
  workloads: BlastRadiusWorkload[];
  /** The apps of those workloads, worst first. */
  apps: BlastRadiusApp[];
  /** Longhorn classes of clusters that lose storage nodes. */
  storageClasses: BlastRadiusStorageClass[];
  /** SLOs of the apps that stop or run on fewer pods. */
  slos: BlastRadiusSlo[];
  /** Apps with workloads on the lost nodes that keep running (maintenance: moved; failure: on other pods). */
  keepsRunning: string[];
  /** Freshness of the workload placement it was worked out from. */
  freshness: SourceFreshness[];
  /** When it was worked out. */
  generatedAt: string;
}
