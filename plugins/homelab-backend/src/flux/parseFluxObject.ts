import { FluxKind, FluxObject } from '@homelab/plugin-homelab-common';

interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** The parts of a Flux object this plugin reads, across kinds. */
export interface RawFluxObject {
  apiVersion: string;
  metadata: {
    name: string;
    namespace?: string;
    generation?: number;
    labels?: Record<string, string>;
  };
  spec?: {
    suspend?: boolean;
    targetNamespace?: string;
    url?: string;
    sourceRef?: { kind: string; name: string; namespace?: string };
    chart?: {
      spec?: {
        chart?: string;
        version?: string;
        sourceRef?: { kind: string; name: string; namespace?: string };
      };
    };
    chartRef?: { kind: string; name: string; namespace?: string };
  };
  status?: {
    conditions?: Condition[];
    observedGeneration?: number;
    artifact?: { revision?: string };
    lastAppliedRevision?: string;
    lastAttemptedRevision?: string;
    lastHandledReconcileAt?: string;
    history?: Array<{
      chartName?: string;
      chartVersion?: string;
      appVersion?: string;
      status?: string;
    }>;
  };
}

/**
 * The state of a Flux object as the Flux documentation defines it: up to date
 * means Ready=True, the current generation observed, and no reconciliation
 * under way. A missing Ready condition is Unknown, never ready.
 */
export function parseFluxObject(
  raw: RawFluxObject,
  kind: FluxKind,
  cluster: string,
): FluxObject {
  const conditions = raw.status?.conditions ?? [];
  const readyCondition = conditions.find(c => c.type === 'Ready');
  const ready = readyCondition?.status ?? 'Unknown';
  const reconciling = conditions.some(
    c => c.type === 'Reconciling' && c.status === 'True',
  );
  const generationObserved =
    raw.metadata.generation === undefined ||
    raw.status?.observedGeneration === raw.metadata.generation;

  const object: FluxObject = {
    cluster,
    kind,
    apiVersion: raw.apiVersion,
    namespace: raw.metadata.namespace ?? '',
    name: raw.metadata.name,
    ready,
    upToDate: ready === 'True' && generationObserved && !reconciling,
    reconciling,
    suspended: raw.spec?.suspend === true,
  };
  if (readyCondition?.reason) object.reason = readyCondition.reason;
  if (readyCondition?.message) object.message = readyCondition.message;
  if (readyCondition?.lastTransitionTime)
    object.lastTransitionTime = readyCondition.lastTransitionTime;
  if (raw.status?.lastHandledReconcileAt)
    object.lastHandledReconcileAt = raw.status.lastHandledReconcileAt;
  if (
    raw.spec?.targetNamespace &&
    (kind === 'HelmRelease' || kind === 'Kustomization')
  )
    object.targetNamespace = raw.spec.targetNamespace;

  switch (kind) {
    case 'HelmRelease': {
      // History is newest first and holds failed attempts too: what runs is
      // the newest deployed release. A release has no lastAppliedRevision.
      const history = raw.status?.history ?? [];
      const current = history.find(h => h.status === 'deployed') ?? history[0];
      const chartName =
        raw.spec?.chart?.spec?.chart ??
        current?.chartName ??
        raw.spec?.chartRef?.name;
      if (chartName) {
        object.chart = {
          name: chartName,
          ...(current?.chartVersion ? { version: current.chartVersion } : {}),
          ...(current?.appVersion ? { appVersion: current.appVersion } : {}),
        };
      }
      if (current?.chartVersion) object.revision = current.chartVersion;
      const sourceRef = raw.spec?.chart?.spec?.sourceRef ?? raw.spec?.chartRef;
      if (sourceRef) object.sourceRef = sourceRef;
      break;
    }
    case 'Kustomization':
      if (raw.status?.lastAppliedRevision)
        object.revision = raw.status.lastAppliedRevision;
      if (raw.spec?.sourceRef) object.sourceRef = raw.spec.sourceRef;
      break;
    default:
      if (raw.status?.artifact?.revision)
        object.revision = raw.status.artifact.revision;
      if (raw.spec?.url) object.url = raw.spec.url;
  }
  const attempted = raw.status?.lastAttemptedRevision;
  if (attempted && attempted !== object.revision)
    object.attemptedRevision = attempted;
  return object;
}
