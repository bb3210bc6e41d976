import {
  FindingSeverity,
  FindingSource,
  FluxKind,
  PostureSummary,
} from './types';
import { BackupState, CertificateState } from './recovery';

/**
 * Which summaries to list: a scope, and optionally one cluster, namespace or entity.
 *
 * @public
 */
export interface PostureSummaryQuery {
  /** Cluster, namespace or entity summaries. */
  scope?: PostureSummary['scope'];
  /** Only this cluster. */
  cluster?: string;
  /** Only this namespace. */
  namespace?: string;
  /** Only this catalog entity, like component:default/nextcloud. */
  entityRef?: string;
}

/**
 * Which findings to list, and which page of them.
 *
 * @public
 */
export interface FindingsQuery {
  /** Only this cluster. */
  cluster?: string;
  /** Only this namespace. */
  namespace?: string;
  /** Only findings mapped to this catalog entity. */
  entityRef?: string;
  /** Only these severities. */
  severity?: FindingSeverity[];
  /** Only findings from these reports. */
  source?: FindingSource[];
  /** Text in the check id, title, workload, package or namespace. */
  search?: string;
  /** Findings to skip. */
  offset?: number;
  /** Findings to return, at most 500. */
  limit?: number;
}

/**
 * Which posture summary to follow over time, and how far back.
 *
 * @public
 */
export interface PostureTrendQuery {
  /** The summary's scope. */
  scope: PostureSummary['scope'];
  /** The summary's key, like production, production/traefik or production:component:default/home-assistant. */
  key: string;
  /** How many days back, 30 by default. */
  days?: number;
}

/**
 * Which Flux objects to list.
 *
 * @public
 */
export interface FluxObjectsQuery {
  /** Only this cluster. */
  cluster?: string;
  /** Only this namespace. */
  namespace?: string;
  /** Only objects of this catalog entity. */
  entityRef?: string;
  /** Only this kind. */
  kind?: FluxKind;
}

/**
 * A Flux object, as the reconcile, suspend and resume calls name it.
 *
 * @public
 */
export interface FluxObjectRef {
  /** The cluster, by its inventory name. */
  cluster: string;
  /** The Flux kind. */
  kind: FluxKind;
  /** The object's namespace. */
  namespace: string;
  /** The object's name. */
  name: string;
}

/**
 * A promotion to preview: an app, from one environment to the next.
 *
 * @public
 */
export interface PromotionRequest {
  /** The app. */
  app: string;
  /** The source environment. */
  from: string;
  /** The target environment. */
  to: string;
}

/**
 * Which view of the topology to fetch.
 *
 * @public
 */
export interface TopologyQuery {
  /** folded: no workload nodes; each namespace counts its workloads by state. */
  workloads?: 'folded';
}

/**
 * Which backups or certificates to list, and which page of them.
 *
 * @public
 */
export interface RecoveryQuery<State extends string> {
  /** Only this cluster. */
  cluster?: string;
  /** Only what is in or covers this namespace. */
  namespace?: string;
  /** Only what holds or serves this app; a cluster's entity lists everything in the cluster. */
  entityRef?: string;
  /** Only these states. */
  state?: State[];
  /** Items to skip. */
  offset?: number;
  /** Items to return, at most 500. */
  limit?: number;
}

/**
 * Which backup sets to list.
 *
 * @public
 */
export type BackupsQuery = RecoveryQuery<BackupState>;

/**
 * Which certificates to list.
 *
 * @public
 */
export type CertificatesQuery = RecoveryQuery<CertificateState>;
