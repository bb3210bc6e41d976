import { createApiRef } from '@backstage/core-plugin-api';
import {
  AppDrift,
  BackupSet,
  BackupsQuery,
  BlastRadius,
  BlastRadiusMode,
  CapacityReport,
  Certificate,
  CertificatesQuery,
  Finding,
  FindingsQuery,
  FluxCluster,
  FluxObject,
  FluxObjectRef,
  PostureSummary,
  PostureSummaryQuery,
  PostureTrendPoint,
  PowerReport,
  PromotionPreview,
  SloStatus,
  SourceFreshness,
  TopologyGraph,
  TopologyQuery,
} from '@homelab/plugin-homelab-common';

/**
 * Data as the homelab backend serves it, with the freshness of its sources.
 *
 * @public
 */
export type WithFreshness<T> = T & { freshness: SourceFreshness[] };

/**
 * The homelab backend's REST API (`@homelab/plugin-homelab-backend`).
 *
 * @public
 */
export interface HomelabApi {
  /** How fresh every source is, per cluster. */
  getFreshness(): Promise<SourceFreshness[]>;
  /**
   * The homelab as a graph, from the internet to workloads; with
   * `workloads: 'folded'`, the overview: no workload nodes, each namespace
   * counting its workloads by state.
   */
  getTopology(query?: TopologyQuery): Promise<TopologyGraph>;
  /** The latest posture summaries. */
  getPostureSummaries(
    query?: PostureSummaryQuery,
  ): Promise<WithFreshness<{ items: PostureSummary[] }>>;
  /** One page of findings, most severe first. */
  getPostureFindings(query?: FindingsQuery): Promise<
    WithFreshness<{
      items: Finding[];
      totalCount: number;
      offset: number;
      limit: number;
    }>
  >;
  /** The score and vulnerabilities of one summary over time, oldest first. */
  getPostureTrend(query: {
    scope: PostureSummary['scope'];
    key: string;
    days?: number;
  }): Promise<WithFreshness<{ points: PostureTrendPoint[] }>>;
  /** Every SLO with its latest evaluation, or those of one entity. */
  getSlos(query?: {
    entityRef?: string;
  }): Promise<WithFreshness<{ items: SloStatus[] }>>;
  /** One SLO with its history over its window. */
  getSlo(id: string): Promise<WithFreshness<{ slo: SloStatus }>>;
  /** Flux objects of every cluster, or of one cluster or entity. */
  getFluxObjects(query?: {
    cluster?: string;
    entityRef?: string;
  }): Promise<WithFreshness<{ items: FluxObject[]; clusters: FluxCluster[] }>>;
  /** Asks Flux to reconcile the object now (homelab.flux.reconcile). */
  reconcileFluxObject(ref: FluxObjectRef): Promise<FluxObject>;
  /** Suspends reconciliation of the object (homelab.flux.suspend). */
  suspendFluxObject(ref: FluxObjectRef): Promise<FluxObject>;
  /** Resumes reconciliation of the object (homelab.flux.suspend). */
  resumeFluxObject(ref: FluxObjectRef): Promise<FluxObject>;
  /** Which version of each app runs in each environment, in promotion order. */
  getDrift(query?: {
    entityRef?: string;
  }): Promise<WithFreshness<{ environments: string[]; apps: AppDrift[] }>>;
  /** What goes down with a device, VM, network, storage, node or cluster, in a failure or a planned maintenance. */
  getBlastRadius(query: {
    entityRef: string;
    mode?: BlastRadiusMode;
  }): Promise<BlastRadius>;
  /** What promoting an app from one environment to another would change, and each gate's verdict now. */
  previewPromotion(request: {
    app: string;
    from: string;
    to: string;
  }): Promise<PromotionPreview>;
  /**
   * Every device's draw with its source (measured, estimated or not
   * measured), energy and cost over the last day and 30 days, and the shares
   * of VMs, nodes, clusters and apps by CPU use.
   */
  getPower(): Promise<WithFreshness<{ power: PowerReport }>>;
  /**
   * Each cluster's and node's allocatable, requests and use of CPU, memory,
   * pods and storage, headroom against the inventory's targets and the trend
   * to full, and each hypervisor's guests' allocation.
   */
  getCapacity(): Promise<WithFreshness<{ capacity: CapacityReport }>>;
  /**
   * Velero schedules, Longhorn volumes and k3s etcd snapshots with their
   * last backups, judged now against the recovery point objectives, worst
   * first.
   */
  getBackups(query?: BackupsQuery): Promise<
    WithFreshness<{
      items: BackupSet[];
      totalCount: number;
      offset: number;
      limit: number;
    }>
  >;
  /** cert-manager Certificates with readiness, expiry and renewal failures, worst first. */
  getCertificates(query?: CertificatesQuery): Promise<
    WithFreshness<{
      items: Certificate[];
      totalCount: number;
      offset: number;
      limit: number;
    }>
  >;
}

/**
 * The {@link HomelabApi}.
 *
 * @public
 */
export const homelabApiRef = createApiRef<HomelabApi>({
  id: 'plugin.homelab.service',
});
