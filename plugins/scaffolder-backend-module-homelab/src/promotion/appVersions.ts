import { InputError } from '@backstage/errors';
import path from 'node:path';
import { parse, parseDocument, stringify } from 'yaml';
import { GitopsLayout } from '../flux/gitopsLayout';
import { insideRepository, readIfExists } from '../flux/repositoryFiles';

type Json = Record<string, any>;

/** What an environment runs of an app, read from the repository. */
export interface EnvironmentRelease {
  environment: string;
  /** The app's namespace, from its base. */
  namespace: string;
  /** Kind of its Flux source. */
  sourceKind: string;
  /** Chart version (HelmRepository charts) or source tag. */
  version?: string;
  /** Where the version is set: the chart or the source. */
  versionAt: 'chart' | 'source';
  /** Image tags in the effective Helm values, by dotted path. */
  imageTags: Record<string, string>;
  /** The environment's own Helm values (its patch). */
  values: Json;
  /** The environment's patch files, by kind. */
  files: { values: string; source: string };
  /** Their current text, when they exist. */
  texts: { values?: string; source?: string };
}

const get = (object: unknown, ...keys: string[]): any =>
  keys.reduce<any>(
    (value, key) =>
      value && typeof value === 'object' ? value[key] : undefined,
    object,
  );

function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      typeof out[key] === 'object'
        ? deepMerge(out[key] ?? {}, value)
        : value;
  }
  return out;
}

/** Leaf `tag` values under a key that names an image, like image.tag or sidecar.image.tag. */
export function imageTags(
  values: Json,
  prefix: string[] = [],
): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    const at = [...prefix, key];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(tags, imageTags(value, at));
    } else if (
      key === 'tag' &&
      prefix.some(p => /image/i.test(p)) &&
      value !== undefined
    ) {
      tags[at.join('.')] = String(value);
    }
  }
  return tags;
}

async function readYaml(
  repoDir: string,
  file: string,
): Promise<{ text?: string; value?: Json }> {
  const text = await readIfExists(insideRepository(repoDir, file));
  if (text === undefined) return {};
  try {
    return { text, value: parse(text) ?? {} };
  } catch (error) {
    throw new InputError(
      `${file} is not valid YAML: ${(error as Error).message}`,
    );
  }
}

/** Reads what an environment runs of an app, from its base and its overlay patches. */
export async function readEnvironmentRelease(
  repoDir: string,
  layout: GitopsLayout,
  app: string,
  environment: string,
): Promise<EnvironmentRelease> {
  const base = layout.baseDir(app);
  const overlay = layout.environmentDir(environment);
  const kustomization = await readYaml(
    repoDir,
    `${overlay}/kustomization.yaml`,
  );
  const baseRef = path.posix.relative(overlay, base);
  if (!(kustomization.value?.resources ?? []).includes(baseRef)) {
    throw new InputError(
      `${app} is not deployed to ${environment}: ${overlay}/kustomization.yaml does not list ${baseRef} among its resources`,
    );
  }
  const release = (await readYaml(repoDir, `${base}/release.yaml`)).value;
  const repository = (await readYaml(repoDir, `${base}/repository.yaml`)).value;
  const files = {
    values: `${overlay}/${app}-values.yaml`,
    source: `${overlay}/${app}-source.yaml`,
  };
  const valuesPatch = await readYaml(repoDir, files.values);
  const sourcePatch = await readYaml(repoDir, files.source);
  const chartVersion = get(release, 'spec', 'chart', 'spec', 'version');
  const versionAt = chartVersion !== undefined ? 'chart' : 'source';
  const version =
    versionAt === 'chart'
      ? get(valuesPatch.value, 'spec', 'chart', 'spec', 'version') ??
        chartVersion
      : get(sourcePatch.value, 'spec', 'ref', 'tag') ??
        get(repository, 'spec', 'ref', 'tag');
  const values: Json = get(valuesPatch.value, 'spec', 'values') ?? {};
  return {
    environment,
    namespace: get(release, 'metadata', 'namespace') ?? app,
    sourceKind: get(repository, 'kind') ?? 'HelmRepository',
    version: version === undefined ? undefined : String(version),
    versionAt,
    imageTags: imageTags(
      deepMerge(get(release, 'spec', 'values') ?? {}, values),
    ),
    values,
    files,
    texts: { values: valuesPatch.text, source: sourcePatch.text },
  };
}

/**
 * The target's patch files with the source's version and image tags, leaving
 * every other value (hostnames, replicas, resources) as the target has it.
 */
export function promotedFiles(
  app: string,
  from: EnvironmentRelease,
  to: EnvironmentRelease,
): Array<{ path: string; before?: string; after: string }> {
  const out: Array<{ path: string; before?: string; after: string }> = [];
  const metadata = { name: app, namespace: to.namespace };
  const needsValues =
    from.versionAt === 'chart' ||
    Object.entries(from.imageTags).some(([p, t]) => to.imageTags[p] !== t);
  if (needsValues) {
    const document = parseDocument(
      to.texts.values ??
        stringify({
          apiVersion: 'helm.toolkit.fluxcd.io/v2',
          kind: 'HelmRelease',
          metadata,
          spec: {},
        }),
    );
    if (from.versionAt === 'chart' && from.version) {
      document.setIn(['spec', 'chart', 'spec', 'version'], from.version);
    }
    for (const [dotted, tag] of Object.entries(from.imageTags)) {
      if (to.imageTags[dotted] !== tag)
        document.setIn(['spec', 'values', ...dotted.split('.')], tag);
    }
    out.push({
      path: to.files.values,
      before: to.texts.values,
      after: document.toString({ lineWidth: 0 }),
    });
  }
  if (from.versionAt === 'source' && from.version) {
    const document = parseDocument(
      to.texts.source ??
        stringify({
          apiVersion: 'source.toolkit.fluxcd.io/v1',
          kind: to.sourceKind,
          metadata,
          spec: {},
        }),
    );
    document.setIn(['spec', 'ref', 'tag'], from.version);
    out.push({
      path: to.files.source,
      before: to.texts.source,
      after: document.toString({ lineWidth: 0 }),
    });
  }
  return out.filter(file => file.before !== file.after);
}

/** Values the environments set differently, other than image tags: reported, not promoted. */
export function differingValues(
  from: EnvironmentRelease,
  to: EnvironmentRelease,
): string[] {
  const flatten = (values: Json, prefix = ''): Record<string, string> =>
    Object.entries(values ?? {}).reduce<Record<string, string>>(
      (acc, [key, value]) => {
        const at = prefix ? `${prefix}.${key}` : key;
        if (value && typeof value === 'object' && !Array.isArray(value))
          Object.assign(acc, flatten(value, at));
        else acc[at] = JSON.stringify(value);
        return acc;
      },
      {},
    );
  const a = flatten(from.values);
  const b = flatten(to.values);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter(key => a[key] !== b[key] && !(key in from.imageTags))
    .sort();
}
