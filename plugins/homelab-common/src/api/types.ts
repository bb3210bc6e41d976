/**
 * What the homelab backend serves. Every answer says how fresh its data is:
 * a source whose last collection failed is stale, with its error and the
 * time of its last good data, never presented as current.
 */

/**
 * How fresh the data of one source is.
 *
 * @public
 */
export interface SourceFreshness {
  /** The collector, like "flux", "security", "workloads" or "slo". */
  source: string;
  /** The cluster, for per-cluster sources. */
  cluster?: string;
  /**
   * fresh: the last collection succeeded; stale: it failed, and the data is
   * from collectedAt; never-collected: there is no data yet.
   */
  state: 'fresh' | 'stale' | 'never-collected';
  /** When the data served was collected. */
  collectedAt?: string;
  /** When collection was last attempted. */
  checkedAt?: string;
  /** Why the last attempt failed. */
  error?: string;
  /** What the last attempt could not read, without failing: a tool that is not installed, an invalid SLO. */
  warnings?: string[];
}

/**
 * The Flux kinds the homelab backend reads: the toolkit's sources and
 * appliers; ExternalArtifact (source-controller, Flux 2.7) and
 * ArtifactGenerator (source-watcher); and the Flux Operator's FluxInstance
 * and ResourceSet.
 *
 * @public
 */
export type FluxKind =
  | 'GitRepository'
  | 'OCIRepository'
  | 'HelmRepository'
  | 'ExternalArtifact'
  | 'ArtifactGenerator'
  | 'Kustomization'
  | 'HelmRelease'
  | 'FluxInstance'
  | 'ResourceSet';

/**
 * A Flux object and its state.
 *
 * @public
 */
export interface FluxObject {
  /** The cluster it lives in. */
  cluster: string;
  /** Its kind. */
  kind: FluxKind;
  /** The API version the cluster served it in. */
  apiVersion: string;
  /** Its namespace. */
  namespace: string;
  /** Its name. */
  name: string;
  /** The status of its Ready condition. */
  ready: 'True' | 'False' | 'Unknown';
  /** Ready, with the current generation observed and no reconciliation under way. */
  upToDate: boolean;
  /** A Reconciling condition is present and true. */
  reconciling: boolean;
  /**
   * Reconciliation is paused: spec.suspend for the toolkit's kinds; the
   * reconcile annotation set to "disabled" for ArtifactGenerators,
   * FluxInstances and ResourceSets, which have no spec.suspend.
   */
  suspended: boolean;
  /** Reason of the Ready condition, like "ReconciliationSucceeded". */
  reason?: string;
  /** Message of the Ready condition. */
  message?: string;
  /** When the Ready condition last changed. */
  lastTransitionTime?: string;
  /**
   * What is applied: a source's or ExternalArtifact's artifact revision, the
   * last applied revision of a Kustomization, FluxInstance (the Flux
   * version and digest) or ResourceSet (a digest), a release's chart version.
   */
  revision?: string;
  /** What was last attempted, if it differs. */
  attemptedRevision?: string;
  /** For HelmReleases: the chart and versions of the current release. */
  chart?: { name: string; version?: string; appVersion?: string };
  /** For HelmReleases: when the release that runs was deployed (status.history lastDeployed). */
  deployedAt?: string;
  /** The source it reconciles from; for an ExternalArtifact, the object that produces it. */
  sourceRef?: { kind: string; name: string; namespace?: string };
  /** For HelmReleases and Kustomizations: spec.targetNamespace, where what they apply runs. */
  targetNamespace?: string;
  /** For sources: the URL they fetch. */
  url?: string;
  /** For ArtifactGenerators: the ExternalArtifacts they generated (status.inventory). */
  generatedArtifacts?: Array<{
    namespace: string;
    name: string;
    digest?: string;
  }>;
  /** The last reconcile request Flux has handled. */
  lastHandledReconcileAt?: string;
  /** The catalog entity it belongs to, if known. */
  entityRef?: string;
}

/**
 * Whether the Flux objects of a cluster can be reconciled, suspended or
 * resumed through the homelab API, so that a client can say so before an
 * operator tries.
 *
 * @public
 */
export interface FluxCluster {
  /** The cluster's name. */
  cluster: string;
  /** A recorded snapshot (homelab.clusters snapshotDirectory), not a live API server. */
  recorded: boolean;
  /** Changes to its objects are refused: it is recorded, or no longer in homelab.clusters. */
  readOnly: boolean;
  /** Why changes are refused, when they are. */
  reason?: string;
}

/**
 * Severity of a security finding, normalised across tools.
 *
 * @public
 */
export type FindingSeverity =
  | 'critical'
  | 'high'
  | 'medium'
  | 'low'
  | 'unknown';

/**
 * The tool and report a finding comes from.
 *
 * @public
 */
export type FindingSource =
  | 'vulnerability'
  | 'config-audit'
  | 'exposed-secret'
  | 'rbac-assessment'
  | 'polaris'
  | 'policy';

/**
 * One security finding on a workload.
 *
 * @public
 */
export interface Finding {
  /** Stable id: the same finding keeps it across collections. */
  id: string;
  /** Where it was found. */
  cluster: string;
  /** Namespace of the workload, if namespaced. */
  namespace?: string;
  /** Which report it comes from. */
  source: FindingSource;
  /** Normalised severity. */
  severity: FindingSeverity;
  /** Vulnerability id, check id, or policy/rule. */
  checkId: string;
  /** Short description. */
  title: string;
  /** Details, such as a policy message. */
  message?: string;
  /** The tool's category, like "Security" or "Reliability". */
  category?: string;
  /** The workload: Deployments rather than their ReplicaSets. */
  workload?: { kind: string; name: string };
  /** Container, for image findings. */
  container?: string;
  /** For vulnerabilities: the affected package and its versions. */
  resource?: string;
  /** Installed version of the affected package. */
  installedVersion?: string;
  /** Version that fixes it, if any. */
  fixedVersion?: string;
  /** More information. */
  link?: string;
  /** The catalog entity the workload belongs to, if known. */
  entityRef?: string;
}

/**
 * Counts per severity.
 *
 * @public
 */
export interface SeverityCounts {
  /** Critical. */
  critical: number;
  /** High. */
  high: number;
  /** Medium. */
  medium: number;
  /** Low. */
  low: number;
  /** Unknown. */
  unknown: number;
}

/**
 * Outcomes of policy-report results.
 *
 * @public
 */
export interface PolicyCounts {
  /** Passed. */
  pass: number;
  /** Failed. */
  fail: number;
  /** Warned. */
  warn: number;
  /** Errored while evaluating. */
  error: number;
  /** Skipped; not counted in the policy score. */
  skip: number;
  /**
   * Results without a result the report format defines (or with none),
   * counted here rather than dropped; the collection's warnings name the
   * reports holding them. Not counted in the policy score.
   */
  unknown?: number;
}

/**
 * A report whose own summary disagrees with the results it lists. The
 * posture counts follow the summary; both are shown so that neither is
 * hidden.
 *
 * @public
 */
export interface ReportDiscrepancy {
  /** The report's API version. */
  apiVersion?: string;
  /** The report's kind. */
  kind: string;
  /** The report's name. */
  name: string;
  /** The report's namespace, for namespaced reports. */
  namespace?: string;
  /** What its summary says, by severity, result or score; zero counts left out. */
  summary: Record<string, number>;
  /** What its listed results add up to, in the same terms. */
  listed: Record<string, number>;
}

/**
 * The security posture of a cluster, namespace or catalog entity. Scores run
 * from 0 to 100 and are null when nothing measured them (never 100 for
 * want of data); see docs/posture-score.md for how they are computed.
 *
 * @public
 */
export interface PostureSummary {
  /** What is summarised. */
  scope: 'cluster' | 'namespace' | 'entity';
  /**
   * The cluster name, "cluster/namespace", or "cluster:entityRef": an
   * entity's posture is kept per cluster it runs in.
   */
  key: string;
  /** The cluster. */
  cluster: string;
  /** The namespace, for namespace scopes. */
  namespace?: string;
  /** The entity, for entity scopes. */
  entityRef?: string;
  /** Overall score: the mean of the component scores that exist. */
  score: number | null;
  /** From vulnerabilities and exposed secrets, per workload. */
  vulnerabilityScore: number | null;
  /** From Polaris and Trivy configuration checks, with Polaris's formula. */
  configScore: number | null;
  /** Share of policy results that passed. */
  policyScore: number | null;
  /** Vulnerable packages per severity, counted once per workload and container. */
  vulnerabilities: SeverityCounts;
  /** Failed configuration checks per severity. */
  misconfigurations: SeverityCounts;
  /** Exposed secrets found in images. */
  exposedSecrets: number;
  /** Policy results. */
  policy: PolicyCounts;
  /** Workloads reported on. */
  workloads: number;
  /** Cluster scope: compliance reports, such as the CIS benchmark. */
  compliance?: Array<{
    name: string;
    title?: string;
    pass: number;
    fail: number;
  }>;
  /**
   * Cluster scope, where there are any: the reports whose own summary
   * disagrees with what they list (at most 100).
   */
  discrepancies?: ReportDiscrepancy[];
  /** When the underlying reports were collected. */
  collectedAt: string;
}

/**
 * A point of a posture trend.
 *
 * @public
 */
export interface PostureTrendPoint {
  /** When it was collected. */
  collectedAt: string;
  /** Overall score then. */
  score: number | null;
  /** Vulnerabilities then. */
  vulnerabilities: SeverityCounts;
}

/**
 * An SLO, from an OpenSLO document or a Sloth or Pyrra object in a cluster.
 *
 * @public
 */
export interface SloDefinition {
  /** Stable id. */
  id: string;
  /** Name in its source. */
  name: string;
  /** Human title. */
  displayName?: string;
  /** The service it measures. */
  service?: string;
  /** Description. */
  description?: string;
  /** The catalog entity it belongs to, if known. */
  entityRef?: string;
  /** Target ratio of good events, like 0.999. */
  objective: number;
  /** Length of the rolling window, in seconds. */
  periodSeconds: number;
  /** Where it was defined. */
  source: 'openslo' | 'sloth' | 'pyrra';
  /** The file, or cluster object, it was read from. */
  origin: string;
  /**
   * PromQL of the error ratio (bad events / all events) over a window,
   * written `{{.window}}`, as Sloth writes it.
   */
  errorRatioQuery: string;
  /**
   * PromQL of the number of events in a window (`{{.window}}`, or
   * `{{.windowSeconds}}` for its length in seconds); absent when the SLI
   * does not count events, as a raw Sloth SLI does not.
   */
  eventsQuery?: string;
  /**
   * How the SLI over the whole period is computed, as the tool the SLO comes
   * from computes it. `events` (also when absent): bad events over all
   * events of the period, as OpenSLO's Occurrences and Pyrra count them.
   * `mean-of-5m-ratios`: the mean of the 5-minute error ratio, taken every
   * minute over the period, as Sloth's recording rules compute it
   * (slo:sli_error:ratio_rate30d); a quiet night's minute weighs as much as
   * a busy day's.
   */
  periodErrorRatio?: 'events' | 'mean-of-5m-ratios';
}

/**
 * One multi-window burn-rate alert of an SLO.
 *
 * @public
 */
export interface BurnRateAlert {
  /** page alerts wake someone; ticket alerts wait for working hours. */
  severity: 'page' | 'ticket';
  /** Long window, like "1h". */
  longWindow: string;
  /** Short window, like "5m". */
  shortWindow: string;
  /** Share of the period's error budget that firing this alert means spending. */
  budgetFraction: number;
  /** Burn rate both windows must exceed to fire. */
  threshold: number;
  /** Burn rate over the long window; null without data. */
  longBurnRate: number | null;
  /** Burn rate over the short window; null without data. */
  shortBurnRate: number | null;
  /** Whether both windows exceed the threshold; null without data. */
  firing: boolean | null;
  /**
   * Events in the long window. A window with fewer than the status's
   * minimumEvents has no burn rate: one failure in a handful of requests
   * says nothing about the rate.
   */
  longEvents?: number | null;
  /** Events in the short window. */
  shortEvents?: number | null;
}

/**
 * A point of an SLO's history over its window.
 *
 * @public
 */
export interface SloSeriesPoint {
  /** Time, ISO 8601. */
  time: string;
  /** Ratio of good events over the window ending then. */
  sli: number | null;
  /** Error budget left at that time. */
  errorBudgetRemaining: number | null;
}

/**
 * An SLO with its latest evaluation.
 *
 * @public
 */
export interface SloStatus {
  /** The definition. */
  slo: SloDefinition;
  /**
   * ok, warning (a ticket alert fires), breaching (a page alert fires or the
   * budget is spent), no-data (no events in the window: unknown, never 100%),
   * not-enough-data (fewer events in the period than minimumEvents: too few
   * to judge the objective), stale (the last evaluation failed; values are
   * from evaluatedAt), or error (never evaluated successfully).
   */
  state:
    | 'ok'
    | 'warning'
    | 'breaching'
    | 'no-data'
    | 'not-enough-data'
    | 'stale'
    | 'error';
  /** When the values were computed. */
  evaluatedAt?: string;
  /** Ratio of good events over the period. */
  sli: number | null;
  /** 1 - (error ratio / (1 - objective)); below 0 when overspent. */
  errorBudgetRemaining: number | null;
  /** The four standard burn-rate alerts. */
  burnRates: BurnRateAlert[];
  /** The most severe firing alert. */
  alert: 'page' | 'ticket' | 'none' | null;
  /** Why the last evaluation failed. */
  error?: string;
  /** Events in the period; null where the SLI does not count events. */
  events?: number | null;
  /** Events a window needs before its ratio is judged. */
  minimumEvents?: number;
  /** History over the window, for charts (detail only). */
  series?: SloSeriesPoint[];
}

/**
 * A node of the homelab topology.
 *
 * @public
 */
export interface TopologyNode {
  /** Unique id in the graph. */
  id: string;
  /** What it is. */
  kind:
    | 'internet'
    | 'wan'
    | 'router'
    | 'switch'
    | 'network'
    | 'device'
    | 'node'
    | 'cluster'
    | 'namespace'
    | 'workload'
    | 'ip-pool'
    | 'load-balancer-ip';
  /** Display label. */
  label: string;
  /** The catalog entity, when it is one. */
  entityRef?: string;
  /** The cluster it belongs to. */
  cluster?: string;
  /** The environment it serves. */
  environment?: string;
  /** Networks it is attached to. */
  networks?: string[];
  /** Health, where known. */
  status?: 'ok' | 'warning' | 'error' | 'unknown';
  /** Why the status is not ok, like "0 of 2 replicas ready". */
  reason?: string;
  /** A namespace of the folded overview: its workloads, by state. */
  workloads?: TopologyWorkloadCounts;
}

/**
 * The workloads a namespace of the folded topology runs, by state.
 *
 * @public
 */
export interface TopologyWorkloadCounts {
  /** Every workload. */
  total: number;
  /** Ready. */
  ok: number;
  /** Some replicas ready. */
  warning: number;
  /** No replica ready. */
  error: number;
  /** Unknown, or stale. */
  unknown: number;
}

/**
 * An edge of the homelab topology, from the upstream node to the downstream.
 *
 * @public
 */
export interface TopologyEdge {
  /** Upstream node id. */
  source: string;
  /** Downstream node id. */
  target: string;
  /** The relation, like "hosts" or "contains". */
  relation: string;
}

/**
 * The homelab topology: WAN to router to networks to devices to nodes to
 * clusters to namespaces to workloads, with load-balancer addresses.
 *
 * @public
 */
export interface TopologyGraph {
  /** Nodes. */
  nodes: TopologyNode[];
  /** Edges. */
  edges: TopologyEdge[];
  /** When the graph was built. */
  generatedAt: string;
  /** Freshness of the live data in it. */
  freshness: SourceFreshness[];
}

/**
 * One app as it runs in one environment.
 *
 * @public
 */
export interface AppRelease {
  /** The environment. */
  environment: string;
  /** The cluster it runs in. */
  cluster: string;
  /** The Flux object that deploys it. */
  kind: 'HelmRelease' | 'Kustomization';
  /** Its namespace. */
  namespace: string;
  /** Its name. */
  name: string;
  /** Where the app's workloads run, when the Flux object sets spec.targetNamespace. */
  targetNamespace?: string;
  /** Chart name, for HelmReleases. */
  chart?: string;
  /** Deployed version: chart version, or revision for Kustomizations. */
  version?: string;
  /** App version of the chart. */
  appVersion?: string;
  /** Ready condition. */
  ready: 'True' | 'False' | 'Unknown';
  /** When it last became Ready, while it is Ready. */
  readySince?: string;
  /** When the running release was deployed, for HelmReleases. */
  deployedAt?: string;
  /** The catalog entity its Flux object belongs to, if known. */
  entityRef?: string;
}

/**
 * How an app's releases differ between environments.
 *
 * @public
 */
export interface AppDrift {
  /** The app: the Flux object's name. */
  app: string;
  /** Its releases, in promotion order of the environments. */
  releases: AppRelease[];
  /** Whether every environment runs it, in the same version. */
  inSync: boolean;
  /** Environments running an older version than the one before them in promotion order. */
  behind: string[];
  /** Environments that do not run it. */
  missing: string[];
  /**
   * The catalog entity every release belongs to, if known. Absent where
   * they belong to different ones: a platform service is an entity per
   * cluster ("Flux CD (staging)", "Flux CD (production)"), each release
   * naming its own. Absent too where a release belongs to none.
   */
  entityRef?: string;
}

/**
 * A promotion as it would happen now: what changes where, and each gate's
 * verdict, worked out by the backend from the GitOps repository and the
 * clusters before anything is written.
 *
 * @public
 */
export interface PromotionPreview {
  /** The layout the repository was recognised as. */
  layout: string;
  /** The app. */
  app: string;
  /** The source environment. */
  from: string;
  /** The target environment. */
  to: string;
  /** What decides the version, like "HelmRelease podinfo chart version". */
  versionLabel: string;
  /** What the source declares: a version, or a range it resolves. */
  declaredVersion?: string;
  /** The version promoted: the source's, or the one it runs for a range. */
  promotedVersion: string;
  /** The target's version before; absent when it sets none. */
  targetVersion?: string;
  /** Each value that changes, and where it is written. */
  changes: Array<{
    /** "chart", or "image:" and a values path. */
    slot: string;
    /** For people. */
    label: string;
    /** The target's value before; absent when unset. */
    before?: string;
    /** The value promoted. */
    after: string;
    /** File and path, like "apps/production/podinfo-values.yaml: spec.chart.spec.version". */
    writtenAt: string;
  }>;
  /** Facts worth knowing: a range pinned, an override added. */
  notes: string[];
  /** Helm values the environments set differently, left as the target has them. */
  valuesLeftAlone: string[];
  /** A unified diff of every file changed. */
  diff: string;
  /** Each gate's verdict now. */
  gates: Array<{
    /** The gate. */
    gate: string;
    /** Whether it stops the promotion. */
    mode: 'required' | 'advisory';
    /** null when it cannot be decided. */
    passed: boolean | null;
    /** Why. */
    reasons: string[];
  }>;
  /** Whether a required gate would stop it. */
  blocked: boolean;
  /** The pull request body the promotion would open. */
  summary: string;
}
