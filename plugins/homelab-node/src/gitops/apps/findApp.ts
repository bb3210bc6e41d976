import { InputError } from '@backstage/errors';
import { AppliedObject, RenderedEnvironment } from '../flux/renderEnvironment';
import { SubstitutedValue } from '../flux/substituteVariables';
import { Origin } from '../kustomize/Origin';
import { describeResource, groupOf } from '../kustomize/Resource';
import { isExactVersion } from '../versions/compareVersions';

/**
 * One place an app's version is decided: its chart (the HelmRelease's chart
 * version, or the tag, semver range or digest of the OCIRepository or the
 * version of the HelmChart its chartRef names), the ref of a plain-manifest
 * app's source, or an image tag in its Helm values.
 *
 * @public
 */
export interface VersionSlot {
  /** Stable across environments: "chart", or "image:<values path>". */
  id: string;
  /** For people: "OCIRepository atuin ref.tag". */
  label: string;
  /** The object holding the value, and the value's path in it. */
  object: AppliedObject;
  path: Array<string | number>;
  /** Undefined when unset (the newest chart, the chart's own image tag). */
  value?: string;
  /** Whether the value is a range Flux resolves (a chart version constraint or ref.semver that names no one version, or none). */
  range: boolean;
  /** Where the value was written. */
  origin?: Origin;
  /** Set when the value came through postBuild substitution. */
  substituted?: SubstitutedValue;
}

/**
 * What an environment runs of an app, as the repository says.
 *
 * @public
 */
export interface AppInEnvironment {
  environment: RenderedEnvironment;
  /** The HelmRelease, or the Flux Kustomization of a plain-manifest app. */
  release: AppliedObject;
  /** The chart's or manifests' source object, when the repository holds it. */
  source?: AppliedObject;
  /** The chart or source version slot first, then image tags. */
  slots: VersionSlot[];
}

const text = (value: unknown) =>
  value === undefined || value === null ? undefined : String(value);

function slot(
  object: AppliedObject,
  id: string,
  label: string,
  path: Array<string | number>,
  constraint: boolean,
): VersionSlot {
  const value = text(
    path.reduce<any>((v, key) => v?.[key], object.resource.object),
  );
  return {
    id,
    label,
    object,
    path,
    value,
    range: constraint && !isExactVersion(value),
    origin: object.resource.provenance.get(path),
    substituted: object.substituted.get(JSON.stringify(path)),
  };
}

/** Leaf `tag` values below a key naming an image, like controllers.app.containers.app.image.tag. */
function imageTagPaths(
  values: unknown,
  at: Array<string | number> = [],
): Array<Array<string | number>> {
  if (!values || typeof values !== 'object') return [];
  return Object.entries(values).flatMap(([key, value]) => {
    const path = [...at, Array.isArray(values) ? Number(key) : key];
    if (value && typeof value === 'object') return imageTagPaths(value, path);
    return key === 'tag' && at.some(p => /image/i.test(String(p)))
      ? [path]
      : [];
  });
}

/** The field of a source's ref that decides the version, in Flux's order of precedence. */
function refField(kind: string, ref: Record<string, unknown> = {}): string {
  const order =
    kind === 'OCIRepository'
      ? ['digest', 'semver', 'tag']
      : ['commit', 'semver', 'tag', 'branch'];
  return order.find(f => ref[f] !== undefined) ?? 'tag';
}

function find(
  environment: RenderedEnvironment,
  kind: string,
  name: string,
  namespace: string | undefined,
): AppliedObject | undefined {
  return environment.objects.find(
    o =>
      o.resource.object.kind === kind &&
      o.resource.object.metadata?.name === name &&
      (namespace === undefined ||
        o.resource.object.metadata?.namespace === namespace),
  );
}

/** The app's one HelmRelease, or else its one plain-manifest Flux Kustomization. */
function releaseOf(
  environment: RenderedEnvironment,
  app: string,
  where: string,
): AppliedObject {
  const named = (kind: string, group: string) =>
    environment.objects.filter(
      o =>
        o.resource.object.kind === kind &&
        groupOf(o.resource.object) === group &&
        o.resource.object.metadata?.name === app,
    );
  const releases = named('HelmRelease', 'helm.toolkit.fluxcd.io');
  const candidates = releases.length
    ? releases
    : named('Kustomization', 'kustomize.toolkit.fluxcd.io').filter(
        k =>
          ['OCIRepository', 'GitRepository'].includes(
            k.resource.object.spec?.sourceRef?.kind,
          ) && k.resource.object.spec?.sourceRef?.name !== 'flux-system',
      );
  if (!candidates.length) {
    throw new InputError(
      `${app} is not deployed to ${where}: no HelmRelease named ${app} among the ${environment.objects.length} objects its Flux applies from ${environment.files.size} files`,
    );
  }
  if (candidates.length > 1) {
    throw new InputError(
      `${app} is ambiguous in ${where}: ${candidates
        .map(
          c =>
            `${describeResource(c.resource.object)} (${
              c.resource.origin.file
            })`,
        )
        .join(', ')}`,
    );
  }
  return candidates[0];
}

interface SourceAndSlots {
  source?: AppliedObject;
  slots: VersionSlot[];
}

/** A chartRef's source and its version slot: an OCIRepository's ref or a HelmChart's version. */
function chartRefSlots(
  environment: RenderedEnvironment,
  chartRef: { kind: string; name: string; namespace?: string },
  namespace: string | undefined,
): SourceAndSlots {
  const source = find(
    environment,
    chartRef.kind,
    chartRef.name,
    chartRef.namespace ?? namespace,
  );
  if (!source) return { slots: [] };
  if (chartRef.kind === 'OCIRepository') {
    const field = refField('OCIRepository', source.resource.object.spec?.ref);
    return {
      source,
      slots: [
        slot(
          source,
          'chart',
          `OCIRepository ${chartRef.name} ref.${field}`,
          ['spec', 'ref', field],
          field === 'semver',
        ),
      ],
    };
  }
  return {
    source,
    slots: [
      slot(
        source,
        'chart',
        `HelmChart ${chartRef.name} version`,
        ['spec', 'version'],
        true,
      ),
    ],
  };
}

/** A HelmRelease's chart slot (its own chart version or its chartRef's), then its image tags. */
function helmReleaseSlots(
  environment: RenderedEnvironment,
  release: AppliedObject,
  app: string,
): SourceAndSlots {
  const spec = release.resource.object.spec ?? {};
  const namespace = release.resource.object.metadata?.namespace;
  let chart: SourceAndSlots;
  if (spec.chartRef) {
    chart = chartRefSlots(environment, spec.chartRef, namespace);
  } else {
    const sourceRef = spec.chart?.spec?.sourceRef ?? {};
    chart = {
      source: find(
        environment,
        sourceRef.kind,
        sourceRef.name,
        sourceRef.namespace ?? namespace,
      ),
      slots: [
        slot(
          release,
          'chart',
          `HelmRelease ${app} chart version`,
          ['spec', 'chart', 'spec', 'version'],
          true,
        ),
      ],
    };
  }
  const images = imageTagPaths(spec.values, ['spec', 'values']).map(path =>
    slot(
      release,
      `image:${path.slice(2).join('.')}`,
      `image tag ${path.slice(2).join('.')}`,
      path,
      false,
    ),
  );
  return { source: chart.source, slots: [...chart.slots, ...images] };
}

/** A plain-manifest app's source and the ref field that decides its version. */
function kustomizationSlots(
  environment: RenderedEnvironment,
  release: AppliedObject,
): SourceAndSlots {
  const { kind, name, namespace } = release.resource.object.spec.sourceRef;
  const source = find(
    environment,
    kind,
    name,
    namespace ?? release.resource.object.metadata?.namespace,
  );
  if (!source) return { slots: [] };
  const field = refField(kind, source.resource.object.spec?.ref);
  return {
    source,
    slots: [
      slot(
        source,
        'chart',
        `${kind} ${name} ref.${field}`,
        ['spec', 'ref', field],
        field === 'semver',
      ),
    ],
  };
}

/**
 * The app named `app` in a rendered environment: its HelmRelease (or, for
 * plain manifests, its Flux Kustomization), its source and every place its
 * version is decided. Refused, naming what was looked at, when the app is
 * not there or its name is ambiguous.
 */
export function findApp(
  environment: RenderedEnvironment,
  app: string,
): AppInEnvironment {
  const where = `${environment.name || 'the cluster'} (${environment.root})`;
  const release = releaseOf(environment, app, where);
  const spec = release.resource.object.spec ?? {};
  const { source, slots } =
    release.resource.object.kind === 'HelmRelease'
      ? helmReleaseSlots(environment, release, app)
      : kustomizationSlots(environment, release);
  if (!slots.length || slots[0].id !== 'chart') {
    throw new InputError(
      `${describeResource(
        release.resource.object,
      )} in ${where} takes its version from ${
        spec.chartRef
          ? `${spec.chartRef.kind} ${spec.chartRef.name}`
          : `${spec.sourceRef?.kind} ${spec.sourceRef?.name}`
      }, which the repository does not hold`,
    );
  }
  return { environment, release, source, slots };
}
