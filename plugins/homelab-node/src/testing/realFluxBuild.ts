import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { checkoutRepository } from '../gitops/files/checkoutRepository';
import { renderEnvironment } from '../gitops/flux/renderEnvironment';
import { detectLayout, environmentNamed } from '../gitops/layouts/detectLayout';
import { realKustomizeBuild } from './realKustomize';

const KUSTOMIZATION_FILES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** Kubernetes manifests of a folder, as kustomize-controller lists them in a kustomization it generates. */
function scanManifests(folder: string, at = folder): string[] {
  const found: string[] = [];
  for (const entry of fs
    .readdirSync(at, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(at, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.')) continue;
      if (KUSTOMIZATION_FILES.some(k => fs.existsSync(path.join(full, k)))) {
        found.push(`./${path.relative(folder, full)}`);
      } else found.push(...scanManifests(folder, full));
    } else if (/\.ya?ml$/.test(entry.name)) {
      const documents = parseAllDocuments(fs.readFileSync(full, 'utf8')).map(
        d => d.toJS(),
      );
      if (documents.some(d => d?.apiVersion && d?.kind))
        found.push(`./${path.relative(folder, full)}`);
    }
  }
  return found;
}

/**
 * What Flux's kustomize-controller applies for a Kustomization of
 * `folder`, built by the real kustomize: the folder's kustomization (or one
 * generated from its manifests) with the Flux Kustomization's
 * targetNamespace, patches and components added as fluxcd/pkg's
 * kustomize/kustomize_generator.go adds them, in a copy of the repository;
 * then postBuild.substitute applied to `${VAR}` and `${VAR:=default}`.
 *
 * @public
 */
export async function realFluxBuild(
  repoDir: string,
  folder: string,
  fluxSpec: Record<string, any> = {},
): Promise<Array<Record<string, any>>> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-flux-build-'));
  try {
    fs.cpSync(repoDir, copy, {
      recursive: true,
      filter: source => path.basename(source) !== '.git',
    });
    const dir = path.join(copy, folder);
    const existing = KUSTOMIZATION_FILES.map(k => path.join(dir, k)).find(f =>
      fs.existsSync(f),
    );
    const kustomization: Record<string, any> = existing
      ? parseAllDocuments(fs.readFileSync(existing, 'utf8'))[0]?.toJS() ?? {}
      : {
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: scanManifests(dir),
        };
    if (fluxSpec.targetNamespace)
      kustomization.namespace = fluxSpec.targetNamespace;
    if (fluxSpec.patches)
      kustomization.patches = [
        ...(kustomization.patches ?? []),
        ...fluxSpec.patches,
      ];
    if (fluxSpec.components)
      kustomization.components = [
        ...(kustomization.components ?? []),
        ...fluxSpec.components,
      ];
    if (existing) fs.rmSync(existing);
    fs.writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      stringify(kustomization),
    );
    const objects = await realKustomizeBuild(dir);
    const variables: Record<string, string> =
      fluxSpec.postBuild?.substitute ?? {};
    if (!Object.keys(variables).length) return objects;
    return objects.map(object =>
      JSON.parse(
        JSON.stringify(object).replace(
          /\$\{([_a-zA-Z][_a-zA-Z0-9]*)(?::?=([^}]*))?\}/g,
          (match, name, fallback) => variables[name] ?? fallback ?? match,
        ),
      ),
    );
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Every object Flux applies to an environment of the repository at
 * `repoDir`, each Flux Kustomization built by the real kustomize
 * (realFluxBuild); the Kustomizations to build are found by following the
 * environment's sync folder as Flux does. Objects are keyed
 * "apiVersion kind namespace/name".
 *
 * @public
 */
export async function realFluxRender(
  repoDir: string,
  environment: string,
): Promise<Record<string, Record<string, any>>> {
  const repo = checkoutRepository(repoDir);
  const layout = await detectLayout(repo);
  const { name, root } = environmentNamed(layout, environment);
  const ours = await renderEnvironment(repo, name, root);
  const objects: Record<string, Record<string, any>> = {};
  const add = (list: Array<Record<string, any>>) => {
    for (const o of list) {
      objects[
        `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ''}/${
          o.metadata?.name
        }`
      ] = o;
    }
  };
  add(await realFluxBuild(repoDir, root, {}));
  for (const build of ours.builds) {
    add(
      await realFluxBuild(
        repoDir,
        build.folder,
        build.kustomization.object.spec,
      ),
    );
  }
  return objects;
}
