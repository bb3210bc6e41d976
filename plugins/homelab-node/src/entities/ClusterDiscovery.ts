import type { LiveNodeFacts } from '@homelab/plugin-homelab-common';

/**
 * What discovery knows of one cluster after a run.
 *
 * @public
 */
export interface ClusterDiscovery {
  /** The cluster's inventory name. */
  cluster: string;
  /**
   * ok: read on this run; failed: this run's read failed, and the nodes are
   * those of the last successful read, marked stale; not-configured: the
   * cluster has no entry in homelab.clusters, so nothing is known live.
   */
  state: 'ok' | 'failed' | 'not-configured';
  /** When this run read (or tried to read) the cluster. */
  checkedAt: string;
  /** When the cluster was last read successfully. */
  lastSuccessAt?: string;
  /** Why this run's read failed. */
  error?: string;
  /** Facts per Kubernetes node name. */
  nodes: Record<string, LiveNodeFacts>;
}
