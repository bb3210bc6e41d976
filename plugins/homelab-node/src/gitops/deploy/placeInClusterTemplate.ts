import { InputError } from '@backstage/errors';
import { parseAllDocuments, stringify } from 'yaml';
import { PlannedFiles } from '../files/PlannedFiles';
import { RepositoryFiles, repositoryPath } from '../files/RepositoryFiles';
import { RenderedEnvironment } from '../flux/renderEnvironment';
import { KUSTOMIZATION_FILES } from '../kustomize/buildKustomization';
import { editKustomization } from '../kustomize/editKustomization';
import { AppSpec, releaseManifest, sourceManifest } from './fluxManifests';

type Json = Record<string, any>;

const isMap = (v: unknown): v is Json =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function deepMerge(base: Json, over: Json = {}): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] =
      isMap(value) && isMap(out[key]) ? deepMerge(out[key], value) : value;
  }
  return out;
}

/**
 * The apps folder of an environment: the folder its cluster-apps
 * Kustomization builds, holding one folder per namespace.
 */
function appsFolder(environment: RenderedEnvironment): string {
  const build =
    environment.builds.find(
      b => b.kustomization.object.metadata?.name === 'cluster-apps',
    ) ?? environment.builds.find(b => /(^|\/)apps$/.test(b.folder));
  if (!build) {
    throw new InputError(
      `${environment.root} has no cluster-apps Kustomization (cluster-template's kubernetes/flux/cluster/ks.yaml), so there is no apps folder to add the app to`,
    );
  }
  return build.folder;
}

/** A file of the same name beside the app's future siblings, to follow its conventions. */
async function sibling(
  repo: RepositoryFiles,
  apps: string,
  namespace: string,
  name: string,
): Promise<{ header: string; object: Json } | undefined> {
  const namespaces = ((await repo.list(apps)) ?? [])
    .filter(e => e.isFolder)
    .map(e => e.name);
  // The app's own namespace first, then the others in order.
  for (const ns of [
    namespace,
    ...namespaces.sort().filter(n => n !== namespace),
  ]) {
    const entries = ((await repo.list(`${apps}/${ns}`)) ?? []).filter(
      e => e.isFolder,
    );
    for (const app of entries.map(e => e.name).sort()) {
      for (const candidate of [
        `${apps}/${ns}/${app}/${name}`,
        `${apps}/${ns}/${app}/app/${name}`,
      ]) {
        const text = await repo.read(candidate);
        if (text === undefined) continue;
        const object = parseAllDocuments(text)[0]?.toJS();
        if (!isMap(object)) continue;
        return {
          header: text.slice(0, Math.max(0, text.search(/^apiVersion:/m))),
          object,
        };
      }
    }
  }
  return undefined;
}

/** YAML of one manifest with a header (`---`, a schema comment) like its siblings'. */
const manifest = (header: string | undefined, object: Json) =>
  `${
    /^(---\n)?(#[^\n]*\n)*$/.test(header ?? '') ? header ?? '' : ''
  }${stringify(object, { lineWidth: 0 })}`;

/**
 * An app placed as onedr0p/cluster-template places its apps, following the
 * conventions of the apps beside it: `<apps>/<namespace>/<app>/ks.yaml` (a
 * Flux Kustomization with the siblings' source, interval, prune, wait and
 * postBuild variables, targetNamespace set), `app/` with the HelmRelease,
 * its OCIRepository (or HelmRepository) and a kustomization, and the app
 * listed in the namespace's kustomization (a new namespace gets its folder
 * with the components every other namespace uses).
 */
export async function placeInClusterTemplate(
  repo: RepositoryFiles,
  files: PlannedFiles,
  environments: RenderedEnvironment[],
  spec: AppSpec,
  environmentValues: Record<string, Record<string, unknown>>,
): Promise<{ notes: string[]; appFolder: string }> {
  if (
    spec.source.kind === 'GitRepository' ||
    (spec.source.kind === 'OCIRepository' && spec.source.path)
  ) {
    throw new InputError(
      'In the cluster-template layout apps are Helm charts (a HelmRelease and its source in the app folder); plain manifests from another repository are not placed here',
    );
  }
  const notes: string[] = [];
  let appFolder = '';
  for (const environment of environments) {
    const apps = appsFolder(environment);
    const folder = repositoryPath(apps, `${spec.namespace}/${spec.app}`);
    appFolder ||= folder;
    const ks = await sibling(repo, apps, spec.namespace, 'ks.yaml');
    const siblingSpec = ks?.object.spec ?? {};
    const postBuild: Json = {};
    if (siblingSpec.postBuild?.substitute?.APP === ks?.object.metadata?.name) {
      postBuild.substitute = { APP: spec.app };
    }
    if (siblingSpec.postBuild?.substituteFrom)
      postBuild.substituteFrom = siblingSpec.postBuild.substituteFrom;
    await files.write(
      `${folder}/ks.yaml`,
      manifest(ks?.header, {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: spec.app },
        spec: {
          interval: siblingSpec.interval ?? '1h',
          path: `./${folder}/app`,
          ...(Object.keys(postBuild).length ? { postBuild } : {}),
          prune: siblingSpec.prune ?? true,
          sourceRef: siblingSpec.sourceRef ?? {
            kind: 'GitRepository',
            name: 'flux-system',
            namespace: 'flux-system',
          },
          targetNamespace: spec.namespace,
          wait: siblingSpec.wait ?? false,
        },
      }),
    );
    const values = deepMerge(
      spec.values ?? {},
      environmentValues[environment.name],
    );
    const release = releaseManifest({ ...spec, values });
    delete release.metadata.namespace;
    delete release.spec.install;
    delete release.spec.upgrade;
    const hr = await sibling(repo, apps, spec.namespace, 'helmrelease.yaml');
    await files.write(
      `${folder}/app/helmrelease.yaml`,
      manifest(hr?.header, release),
    );
    const source = sourceManifest(spec);
    delete source.metadata.namespace;
    const sourceFile =
      spec.source.kind === 'OCIRepository'
        ? 'ocirepository.yaml'
        : 'helmrepository.yaml';
    const oci = await sibling(repo, apps, spec.namespace, sourceFile);
    if (spec.source.kind === 'OCIRepository' && oci?.object.spec?.interval) {
      source.spec.interval = oci.object.spec.interval;
    }
    await files.write(
      `${folder}/app/${sourceFile}`,
      manifest(oci?.header, source),
    );
    const kustomization = await sibling(
      repo,
      apps,
      spec.namespace,
      'kustomization.yaml',
    );
    await files.write(
      `${folder}/app/kustomization.yaml`,
      manifest(kustomization?.header, {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: ['./helmrelease.yaml', `./${sourceFile}`],
      }),
    );
    await listInNamespace(repo, files, apps, spec.namespace, spec.app, notes);
  }
  return { notes, appFolder };
}

/** Adds `./<app>/ks.yaml` to the namespace's kustomization, creating the namespace folder when new. */
async function listInNamespace(
  repo: RepositoryFiles,
  files: PlannedFiles,
  apps: string,
  namespace: string,
  app: string,
  notes: string[],
) {
  const folder = repositoryPath(apps, namespace);
  for (const name of KUSTOMIZATION_FILES) {
    const file = `${folder}/${name}`;
    if ((await files.read(file)) !== undefined) {
      await files.edit(file, text =>
        editKustomization(file, text, { resources: [`./${app}/ks.yaml`] }),
      );
      return;
    }
  }
  const others = ((await repo.list(apps)) ?? [])
    .filter(e => e.isFolder)
    .map(e => e.name);
  const kustomizations: Json[] = [];
  const namespaces: Json[] = [];
  let header: string | undefined;
  for (const other of others) {
    const text = await repo.read(`${apps}/${other}/kustomization.yaml`);
    if (text === undefined) continue;
    header ??= text.slice(0, Math.max(0, text.search(/^apiVersion:/m)));
    kustomizations.push(parseAllDocuments(text)[0]?.toJS() ?? {});
    const ns = await repo.read(`${apps}/${other}/namespace.yaml`);
    if (ns) namespaces.push(parseAllDocuments(ns)[0]?.toJS() ?? {});
  }
  const components = kustomizations.length
    ? (kustomizations[0].components ?? []).filter((c: string) =>
        kustomizations.every(k => (k.components ?? []).includes(c)),
      )
    : [];
  const annotations = Object.fromEntries(
    Object.entries(namespaces[0]?.metadata?.annotations ?? {}).filter(
      ([k, v]) => namespaces.every(n => n.metadata?.annotations?.[k] === v),
    ),
  );
  await files.write(
    `${folder}/namespace.yaml`,
    manifest(header, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        ...(Object.keys(annotations).length ? { annotations } : {}),
      },
    }),
  );
  await files.write(
    `${folder}/kustomization.yaml`,
    manifest(header, {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace,
      ...(components.length ? { components } : {}),
      resources: ['./namespace.yaml', `./${app}/ks.yaml`],
    }),
  );
  // Flux generates the apps folder's kustomization when it has none; one
  // written by hand must list the new namespace.
  for (const name of KUSTOMIZATION_FILES) {
    const file = `${apps}/${name}`;
    if ((await files.read(file)) !== undefined) {
      await files.edit(file, text =>
        editKustomization(file, text, { resources: [`./${namespace}`] }),
      );
      break;
    }
  }
  notes.push(
    `${folder}/ is a new namespace folder${
      components.length
        ? ` with the components every namespace uses (${components.join(', ')})`
        : ''
    }.`,
  );
}
