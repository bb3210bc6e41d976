import { FluxKind, FluxObject } from '@homelab/plugin-homelab-common';
import { pausedByAnnotation } from './fluxResources';

interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

interface ObjectReference {
  apiVersion?: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** The parts of a Flux object this plugin reads, across kinds. */
export interface RawFluxObject {
  apiVersion: string;
  metadata: {
    name: string;
    namespace?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: {
    suspend?: boolean;
    targetNamespace?: string;
    url?: string;
    sourceRef?: ObjectReference;
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
    /**
     * An ArtifactGenerator's generated ExternalArtifacts; a Kustomization's,
     * FluxInstance's or ResourceSet's applied objects ({entries}).
     */
    inventory?:
      | Array<{ name: string; namespace: string; digest?: string }>
      | { entries?: Array<{ id: string; v: string }> };
    history?: Array<{
      chartName?: string;
      chartVersion?: string;
      appVersion?: string;
      status?: string;
      lastDeployed?: string;
    }>;
  };
}

/**
 * A reference as the API serves it: kind, name and namespace. An
 * ExternalArtifact's sourceRef always carries an apiVersion too (that of its
 * ArtifactGenerator), and the served schema has no room for it.
 */
const withoutApiVersion = ({ kind, name, namespace }: ObjectReference) => ({
  kind,
  name,
  ...(namespace ? { namespace } : {}),
});

/**
 * The state of a Flux object as the Flux documentation defines it: up to date
 * means Ready=True, the current generation observed, and no reconciliation
 * under way. A missing Ready condition is Unknown, never ready. Kinds whose
 * status has no observedGeneration (ExternalArtifact, ArtifactGenerator,
 * FluxInstance, ResourceSet) record it on their Ready condition, which is
 * where their controllers and the flux-operator's health check read it.
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
  const observedGeneration =
    raw.status?.observedGeneration ?? readyCondition?.observedGeneration;
  const generationObserved =
    raw.metadata.generation === undefined ||
    observedGeneration === raw.metadata.generation;
  const pausedBy = pausedByAnnotation(kind);
  const suspended = pausedBy
    ? raw.metadata.annotations?.[pausedBy]?.toLowerCase() === 'disabled'
    : raw.spec?.suspend === true;

  const object: FluxObject = {
    cluster,
    kind,
    apiVersion: raw.apiVersion,
    namespace: raw.metadata.namespace ?? '',
    name: raw.metadata.name,
    ready,
    upToDate: ready === 'True' && generationObserved && !reconciling,
    reconciling,
    suspended,
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
      if (current?.lastDeployed) object.deployedAt = current.lastDeployed;
      const sourceRef = raw.spec?.chart?.spec?.sourceRef ?? raw.spec?.chartRef;
      if (sourceRef) object.sourceRef = withoutApiVersion(sourceRef);
      break;
    }
    case 'Kustomization':
    case 'FluxInstance':
    case 'ResourceSet':
      // A FluxInstance's revision is the Flux version with the digest of
      // what it applied, a ResourceSet's the digest of what it generated.
      if (raw.status?.lastAppliedRevision)
        object.revision = raw.status.lastAppliedRevision;
      if (raw.spec?.sourceRef)
        object.sourceRef = withoutApiVersion(raw.spec.sourceRef);
      break;
    case 'ArtifactGenerator': {
      // Its output is the ExternalArtifacts it generated, each with its own
      // revision; the generator has none.
      const inventory = raw.status?.inventory;
      if (Array.isArray(inventory))
        object.generatedArtifacts = inventory.map(a => ({
          namespace: a.namespace,
          name: a.name,
          ...(a.digest ? { digest: a.digest } : {}),
        }));
      break;
    }
    case 'ExternalArtifact':
      // spec.sourceRef names the object it is produced for, such as its
      // ArtifactGenerator; there is no URL to fetch.
      if (raw.status?.artifact?.revision)
        object.revision = raw.status.artifact.revision;
      if (raw.spec?.sourceRef)
        object.sourceRef = withoutApiVersion(raw.spec.sourceRef);
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
