import { stringify } from 'yaml';

/**
 * Where an app's source lives.
 *
 * @public
 */
export type AppSource =
  | { kind: 'HelmRepository'; url: string; chart: string; version: string }
  | { kind: 'OCIRepository'; url: string; tag: string; path?: string }
  | { kind: 'GitRepository'; url: string; tag: string; path: string };

/**
 * An app to deploy with Flux.
 *
 * @public
 */
export interface AppSpec {
  /** The app: names its Flux objects and its folder. */
  app: string;
  /** The namespace its workloads run in. */
  namespace: string;
  /** Where its chart or manifests come from. */
  source: AppSource;
  /** Helm values shared by every environment. */
  values?: Record<string, unknown>;
  /** Reconcile interval, like "10m". */
  interval: string;
}

type Manifest = Record<string, any>;

/**
 * Whether the app deploys as a HelmRelease (charts) or a Flux Kustomization (plain manifests).
 *
 * @public
 */
export function deploysWithHelm(source: AppSource): boolean {
  return (
    source.kind === 'HelmRepository' ||
    (source.kind === 'OCIRepository' && !source.path)
  );
}

export function namespaceManifest(spec: AppSpec): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: spec.namespace },
  };
}

/** The Flux source object (source.toolkit.fluxcd.io/v1). */
export function sourceManifest(spec: AppSpec): Manifest {
  const metadata = { name: spec.app, namespace: spec.namespace };
  const { source } = spec;
  const apiVersion = 'source.toolkit.fluxcd.io/v1';
  switch (source.kind) {
    case 'HelmRepository':
      return {
        apiVersion,
        kind: 'HelmRepository',
        metadata,
        spec: {
          interval: spec.interval,
          url: source.url,
          ...(source.url.startsWith('oci://') ? { type: 'oci' } : {}),
        },
      };
    case 'OCIRepository':
      return {
        apiVersion,
        kind: 'OCIRepository',
        metadata,
        spec: {
          interval: spec.interval,
          url: source.url,
          ref: { tag: source.tag },
          ...(deploysWithHelm(source)
            ? {
                layerSelector: {
                  mediaType:
                    'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
                  operation: 'copy',
                },
              }
            : {}),
        },
      };
    default:
      return {
        apiVersion,
        kind: 'GitRepository',
        metadata,
        spec: {
          interval: spec.interval,
          url: source.url,
          ref: { tag: source.tag },
        },
      };
  }
}

/** The HelmRelease (helm.toolkit.fluxcd.io/v2) or Kustomization (kustomize.toolkit.fluxcd.io/v1). */
export function releaseManifest(spec: AppSpec): Manifest {
  const metadata = { name: spec.app, namespace: spec.namespace };
  const { source } = spec;
  if (deploysWithHelm(source)) {
    return {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata,
      spec: {
        interval: spec.interval,
        ...(source.kind === 'HelmRepository'
          ? {
              chart: {
                spec: {
                  chart: source.chart,
                  version: source.version,
                  sourceRef: { kind: 'HelmRepository', name: spec.app },
                  interval: spec.interval,
                },
              },
            }
          : { chartRef: { kind: 'OCIRepository', name: spec.app } }),
        install: { remediation: { retries: 3 } },
        upgrade: { remediation: { retries: 3 } },
        ...(spec.values && Object.keys(spec.values).length
          ? { values: spec.values }
          : {}),
      },
    };
  }
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata,
    spec: {
      interval: spec.interval,
      path: (source as { path: string }).path,
      prune: true,
      wait: true,
      timeout: '5m',
      targetNamespace: spec.namespace,
      sourceRef: { kind: source.kind, name: spec.app },
    },
  };
}

/**
 * An environment's patch of the app: for Helm apps the HelmRelease's chart
 * version (HelmRepository charts) and values; otherwise the source's tag.
 * Promotion rewrites exactly this file.
 */
export function environmentPatch(
  spec: AppSpec,
  environmentValues: Record<string, unknown> | undefined,
): Manifest[] {
  const metadata = { name: spec.app, namespace: spec.namespace };
  const { source } = spec;
  const patches: Manifest[] = [];
  if (source.kind !== 'HelmRepository') {
    patches.push({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: source.kind,
      metadata,
      spec: { ref: { tag: source.tag } },
    });
  }
  if (deploysWithHelm(source)) {
    const chart =
      source.kind === 'HelmRepository'
        ? { chart: { spec: { version: source.version } } }
        : {};
    const values =
      environmentValues && Object.keys(environmentValues).length
        ? { values: environmentValues }
        : {};
    if (Object.keys(chart).length || Object.keys(values).length) {
      patches.push({
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata,
        spec: { ...chart, ...values },
      });
    }
  }
  return patches;
}

/** YAML of one or more manifests, as files in a GitOps repository hold them. */
export function toYaml(manifests: Manifest[]): string {
  return manifests.map(m => stringify(m, { lineWidth: 0 })).join('---\n');
}
