/**
 * A workload and where its pods run, as the blast radius reads it.
 *
 * @public
 */
export interface PlacedWorkload {
  /** The cluster it runs in. */
  cluster: string;
  /** Its kind. */
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  /** Its namespace. */
  namespace: string;
  /** Its name. */
  name: string;
  /** The catalog entity it belongs to, if known. */
  entityRef?: string;
  /**
   * Its pods per node they are scheduled on; absent when that was not
   * recorded, so that where it runs is unknown rather than nowhere.
   */
  nodes?: Record<string, number>;
}
