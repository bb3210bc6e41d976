import { RepositoryFiles, repositoryPath } from '../files/RepositoryFiles';
import { buildKustomization } from '../kustomize/buildKustomization';
import { Origin, originBelow } from '../kustomize/Origin';
import { describeResource, groupOf, Resource } from '../kustomize/Resource';
import { ArtifactCopy, artifactView } from './artifactView';
import {
  SubstitutedValue,
  SubstitutionVariable,
  substituteVariables,
} from './substituteVariables';

/**
 * An object Flux applies to a cluster from the repository.
 *
 * @public
 */
export interface AppliedObject {
  resource: Resource;
  /** The Flux Kustomization whose build gives it; none for the cluster's root sync. */
  appliedBy?: Resource;
  /** String values that held postBuild variables, by JSON path. */
  substituted: Map<string, SubstitutedValue>;
}

/**
 * Everything Flux applies to one cluster from this repository.
 *
 * @public
 */
export interface RenderedEnvironment {
  name: string;
  /** The folder the cluster's Flux syncs, like "clusters/staging". */
  root: string;
  objects: AppliedObject[];
  /** Each Flux Kustomization built, and the repository folder its path is. */
  builds: Array<{ kustomization: Resource; folder: string }>;
  /** Every repository file the objects were built from. */
  files: Set<string>;
  /** Flux Kustomizations whose source is not this repository, and what was not evaluated. */
  warnings: string[];
}

const isFluxKustomization = (object: Record<string, any>) =>
  object.kind === 'Kustomization' &&
  groupOf(object) === 'kustomize.toolkit.fluxcd.io';

const SELF = 'flux-system';

/**
 * Renders an environment as its Flux would: the root folder (which `flux
 * bootstrap` or a FluxInstance syncs), then every Flux Kustomization found,
 * each built from its path in this repository (directly, through the
 * flux-system GitRepository, or through an ExternalArtifact an
 * ArtifactGenerator assembles from it), with its targetNamespace, patches,
 * components and postBuild substitutions. Kustomizations of other sources
 * are listed in the warnings, not followed.
 */
export async function renderEnvironment(
  repo: RepositoryFiles,
  name: string,
  root: string,
): Promise<RenderedEnvironment> {
  const files = new Set<string>();
  const warnings: string[] = [];
  const objects: AppliedObject[] = [];
  const rootOrigin = { file: root, document: 0, path: [] };
  const first = await buildKustomization(repo, root, { origin: rootOrigin });
  first.files.forEach(f => files.add(f));
  warnings.push(...first.warnings);
  for (const resource of first.resources) {
    objects.push({ resource, substituted: new Map() });
  }
  const rootPath = repositoryPath('', root);
  const builds: RenderedEnvironment['builds'] = [];
  const built = new Set<string>();

  for (let i = 0; i < objects.length; i++) {
    const kustomization = objects[i].resource;
    if (!isFluxKustomization(kustomization.object)) continue;
    const spec = kustomization.object.spec ?? {};
    const view = await sourceView(repo, objects, kustomization);
    if (typeof view === 'string') {
      warnings.push(`${describeResource(kustomization.object)}: ${view}`);
      continue;
    }
    const path = repositoryPath('', spec.path ?? '.');
    // The bootstrap's own Kustomization syncs the root, built above; a
    // Kustomization met again (it lists itself) is built once.
    const key = `${describeResource(kustomization.object)}|${path}`;
    if ((view.self && path === rootPath) || built.has(key)) continue;
    built.add(key);
    const build = await buildKustomization(view.files, path, {
      origin: kustomization.origin,
      targetNamespace: spec.targetNamespace,
      patches: spec.patches,
      components: spec.components,
    });
    // The Flux Kustomization's own values (patches, path) were written
    // where its provenance says; the build's origins for them point at its
    // document, so translate them.
    build.resources.forEach(r => rebaseFluxOrigins(r, kustomization));
    build.files.forEach(f => files.add(f));
    warnings.push(...build.warnings);
    builds.push({
      kustomization,
      folder: view.files.locate ? locatedFolder(view.files, path) : path,
    });
    const { variables, unknownSources } = postBuildVariables(
      kustomization,
      objects,
    );
    for (const resource of build.resources) {
      const substituted = new Map<string, SubstitutedValue>();
      if (variables.size || unknownSources) {
        substituteVariables(resource, variables, unknownSources, substituted);
      }
      objects.push({ resource, appliedBy: kustomization, substituted });
    }
  }
  return { name, root, objects, builds, files, warnings };
}

/** The repository folder an artifact's folder is copied from. */
function locatedFolder(view: RepositoryFiles, folder: string): string {
  for (const name of ['kustomization.yaml', 'kustomization.yml']) {
    const located = view.locate!(repositoryPath(folder, name));
    if (located) return located.slice(0, located.lastIndexOf('/'));
  }
  return folder;
}

/**
 * Values a build took from a Flux Kustomization (its patches, its
 * targetNamespace) are recorded against the Kustomization's document; the
 * Kustomization itself may have been patched, so take each from its own
 * provenance.
 */
function rebaseFluxOrigins(resource: Resource, kustomization: Resource) {
  const fix = (origin: Origin): Origin => {
    if (
      origin.file !== kustomization.origin.file ||
      origin.document !== kustomization.origin.document
    ) {
      return origin;
    }
    const field = origin.inlineAt ?? origin.path;
    for (let n = field.length; n > 0; n--) {
      const written = kustomization.provenance.get(field.slice(0, n));
      // A value inside a patch that is itself inside another inline patch is
      // attributed to that inner patch's text as a whole.
      if (written?.inlineAt) return written;
      if (written) {
        const rest = field.slice(n);
        return origin.inlineAt
          ? {
              ...written,
              path: origin.path,
              inlineAt: [...written.path, ...rest],
            }
          : originBelow(written, ...rest);
      }
    }
    return origin;
  };
  resource.patchedBy = resource.patchedBy.map(fix);
  resource.provenance.rebase(fix);
}

/** The files a Flux Kustomization's source holds, or why they are not read. */
async function sourceView(
  repo: RepositoryFiles,
  objects: AppliedObject[],
  kustomization: Resource,
): Promise<{ files: RepositoryFiles; self: boolean } | string> {
  const sourceRef = kustomization.object.spec?.sourceRef ?? {};
  const namespace =
    sourceRef.namespace ?? kustomization.object.metadata?.namespace;
  const find = (kind: string, name: string) =>
    objects.find(
      o =>
        o.resource.object.kind === kind &&
        o.resource.object.metadata?.name === name &&
        (o.resource.object.metadata?.namespace ?? namespace) === namespace,
    )?.resource.object;
  const isSelf = (gitRepositoryName: string) => {
    if (gitRepositoryName === SELF) return true;
    const defined = find('GitRepository', gitRepositoryName);
    const bootstrap = find('GitRepository', SELF);
    return (
      !!defined && !!bootstrap && defined.spec?.url === bootstrap.spec?.url
    );
  };
  if (sourceRef.kind === 'GitRepository') {
    return isSelf(sourceRef.name)
      ? { files: repo, self: true }
      : `its source, GitRepository ${sourceRef.name}, is another repository`;
  }
  if (sourceRef.kind === 'ExternalArtifact') {
    const generator = objects.find(
      o =>
        o.resource.object.kind === 'ArtifactGenerator' &&
        (o.resource.object.spec?.artifacts ?? []).some(
          (a: any) => a.name === sourceRef.name,
        ),
    )?.resource.object;
    if (!generator) {
      return `no ArtifactGenerator in the repository produces its source, ExternalArtifact ${sourceRef.name}`;
    }
    const aliases = new Set(
      (generator.spec?.sources ?? [])
        .filter((s: any) => s.kind === 'GitRepository' && isSelf(s.name))
        .map((s: any) => s.alias),
    );
    const artifact = generator.spec.artifacts.find(
      (a: any) => a.name === sourceRef.name,
    );
    const copies: ArtifactCopy[] = [];
    for (const copy of artifact.copy ?? []) {
      const from = String(copy.from ?? '').match(/^@([^/]+)\/?(.*)$/);
      const to = String(copy.to ?? '').match(/^@artifact\/?(.*)$/);
      if (!from || !to) continue;
      if (!aliases.has(from[1])) {
        return `ExternalArtifact ${sourceRef.name} copies from @${from[1]}, which is not this repository`;
      }
      if (copy.strategy && copy.strategy !== 'Overwrite') {
        return `ExternalArtifact ${sourceRef.name} uses the ${copy.strategy} copy strategy, which is not evaluated`;
      }
      copies.push({ from: from[2], to: to[1], exclude: copy.exclude });
    }
    return { files: await artifactView(repo, copies), self: false };
  }
  return `its source is ${sourceRef.kind} ${sourceRef.name}, not this repository`;
}

/** The variables of a Flux Kustomization's postBuild, with where each is set. */
function postBuildVariables(
  kustomization: Resource,
  objects: AppliedObject[],
): {
  variables: Map<string, SubstitutionVariable>;
  unknownSources: boolean;
} {
  const postBuild = kustomization.object.spec?.postBuild ?? {};
  const variables = new Map<string, SubstitutionVariable>();
  let unknownSources = false;
  const namespace = kustomization.object.metadata?.namespace;
  for (const reference of postBuild.substituteFrom ?? []) {
    const configMap =
      reference.kind === 'ConfigMap'
        ? objects.find(
            o =>
              o.resource.object.kind === 'ConfigMap' &&
              o.resource.object.metadata?.name === reference.name &&
              (o.resource.object.metadata?.namespace ?? namespace) ===
                namespace,
          )?.resource
        : undefined;
    if (!configMap) {
      unknownSources = true;
      continue;
    }
    for (const [key, value] of Object.entries(configMap.object.data ?? {})) {
      variables.set(key, {
        value: String(value).replace(/\n/g, ''),
        origin: configMap.provenance.get(['data', key]),
      });
    }
  }
  for (const [key, value] of Object.entries(postBuild.substitute ?? {})) {
    variables.set(key, {
      value: String(value).replace(/\n/g, ''),
      origin: kustomization.provenance.get([
        'spec',
        'postBuild',
        'substitute',
        key,
      ]),
    });
  }
  return { variables, unknownSources };
}
