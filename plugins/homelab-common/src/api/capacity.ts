/**
 * What a capacity figure counts.
 *
 * @public
 */
export type CapacityResource = 'cpu' | 'memory' | 'pods' | 'storage';

/**
 * Where use is heading: a least-squares line through its history, and when
 * that line reaches the limit (the target, else all that is allocatable).
 *
 * @public
 */
export interface CapacityTrend {
  /**
   * rising: the line climbs (fullAt says when it reaches the limit); full: it
   * is at or above the limit now; steady: it does not climb;
   * not-enough-history: fewer days of use than a line needs; not-measured:
   * no use to fit.
   */
  state: 'rising' | 'full' | 'steady' | 'not-enough-history' | 'not-measured';
  /** Days of history the line was fitted to. */
  days?: number;
  /** How much use changes per day, in the figure's unit. */
  perDay?: number;
  /** The limit the line is measured against, in the figure's unit. */
  limit?: number;
  /** When the rising line reaches the limit. */
  fullAt?: string;
}

/**
 * One resource of a node or a cluster: what is allocatable, what the pods
 * request and what they use, each null when not known (never zero).
 *
 * @public
 */
export interface CapacityFigure {
  /** What it counts. */
  resource: CapacityResource;
  /** cores, bytes or pods. */
  unit: 'cores' | 'bytes' | 'pods';
  /** The nodes' status.allocatable; null when not known. */
  allocatable: number | null;
  /** The pods' requests summed (for pods: the pods holding the nodes); null when not recorded. */
  requests: number | null;
  /** What is used now; null when not measured. */
  use: number | null;
  /** The inventory's target, percent of allocatable; absent when none is set. */
  targetPercent?: number;
  /**
   * The target's share of allocatable (all of it without a target) less the
   * larger of requests and use; negative when over; null when not known.
   */
  headroom: number | null;
  /** Where use comes from (its query or source), or why it is not measured. */
  useBasis: string;
  /** When allocatable and requests were read from the cluster; null when never. */
  observedAt: string | null;
  /** When use was measured; null when not measured. */
  measuredAt: string | null;
  /** Where use is heading. */
  trend: CapacityTrend;
}

/**
 * A Kubernetes node's capacity.
 *
 * @public
 */
export interface NodeCapacity {
  /** The node's name in its cluster. */
  name: string;
  /** The node's entity, when the catalog has one. */
  entityRef?: string;
  /** CPU, memory, pods and storage. */
  figures: CapacityFigure[];
}

/**
 * A cluster's capacity: its nodes', and their sums.
 *
 * @public
 */
export interface ClusterCapacity {
  /** The cluster's name. */
  cluster: string;
  /** The cluster's entity, when the catalog has one. */
  entityRef?: string;
  /** The nodes' figures summed; a sum of which a node's part is not known is null. */
  figures: CapacityFigure[];
  /** Its nodes, by name. */
  nodes: NodeCapacity[];
}

/**
 * A virtual machine's allocation on its host.
 *
 * @public
 */
export interface GuestAllocation {
  /** The virtual machine's entity. */
  entityRef: string;
  /** Its entity name. */
  name: string;
  /** vCPUs allocated; null when not known. */
  vcpus: number | null;
  /** Memory allocated; null when not known. */
  memoryBytes: number | null;
  /** proxmox: the live guest's configuration; inventory: the inventory's (the larger end of a range). */
  source: 'proxmox' | 'inventory';
  /** When Proxmox VE was read, for a live guest. */
  observedAt?: string;
}

/**
 * A hypervisor: the vCPUs and memory of its virtual machines against its own.
 *
 * @public
 */
export interface HypervisorCapacity {
  /** The host's entity. */
  entityRef: string;
  /** Its entity name. */
  name: string;
  /** Its title, when it has one. */
  title?: string;
  /** Logical CPUs; null when not known. */
  cpus: number | null;
  /** Memory; null when not known. */
  memoryBytes: number | null;
  /** Where the host's figures come from. */
  source: 'proxmox' | 'inventory';
  /** When Proxmox VE was read, for a live host. */
  observedAt?: string;
  /** The active guests' vCPUs summed; null when a guest's is not known. */
  allocatedVcpus: number | null;
  /** The active guests' memory summed; null when a guest's is not known. */
  allocatedMemoryBytes: number | null;
  /** Its active guests, by name. */
  guests: GuestAllocation[];
}

/**
 * How full the homelab is: each cluster's and node's allocatable, requests
 * and use with headroom against the inventory's targets and a trend, and
 * each hypervisor's allocation.
 *
 * @public
 */
export interface CapacityReport {
  /** When it was built. */
  generatedAt: string;
  /** Every cluster with an entity or collected workloads, by name. */
  clusters: ClusterCapacity[];
  /** Every host of active virtual machines, by name. */
  hypervisors: HypervisorCapacity[];
  /** What could not be read, without failing the report. */
  warnings: string[];
}
