import { InputError } from '@backstage/errors';
import path from 'node:path';
import { RepositoryFiles, repositoryPath } from '../files/RepositoryFiles';
import { RenderedEnvironment } from '../flux/renderEnvironment';
import { editKustomization } from '../kustomize/editKustomization';
import { parseManifests } from '../yaml/parseManifests';
import { PlannedFiles } from '../files/PlannedFiles';
import {
  AppSpec,
  deploysWithHelm,
  environmentPatch,
  namespaceManifest,
  releaseManifest,
  sourceManifest,
  toYaml,
} from './fluxManifests';

/** The overlay folder of an environment: the folder its `apps` Flux Kustomization builds. */
function appsOverlay(environment: RenderedEnvironment): string {
  const named = environment.builds.filter(
    b => b.kustomization.object.metadata?.name === 'apps',
  );
  const build =
    named[0] ??
    environment.builds.find(b => /(^|\/)apps\//.test(`${b.folder}/`));
  if (!build) {
    throw new InputError(
      `${environment.root} has no Flux Kustomization named apps (fluxcd/flux2-kustomize-helm-example's clusters/<env>/apps.yaml), so there is no overlay to add the app to`,
    );
  }
  return build.folder;
}

/**
 * The overlay's patch entries written for one app whose target is only a
 * kind, with the objects each patches today: they would reach a new app of
 * that kind. A patch whose document names what it patches is written for
 * that app; one written as a default (named "_", as cluster-template's are)
 * is meant for every object and is left alone.
 */
async function broadPatches(
  repo: RepositoryFiles,
  environment: RenderedEnvironment,
  overlay: string,
  kustomization: string,
  kinds: string[],
): Promise<Array<{ index: number; target: object; patched: string[] }>> {
  const text = await repo.read(kustomization);
  if (text === undefined) return [];
  const entries = (parseManifests(kustomization, text)[0]?.object.patches ??
    []) as any[];
  const found = [];
  for (const [index, entry] of entries.entries()) {
    const target = entry?.target;
    if (!target || target.name || target.labelSelector) continue;
    if (target.kind && !kinds.includes(target.kind)) continue;
    const file = entry.path ? repositoryPath(overlay, entry.path) : undefined;
    const patchText = file ? await repo.read(file) : entry.patch;
    const names = parseManifests(file ?? kustomization, String(patchText ?? ''))
      .map(d => d.object?.metadata?.name)
      .filter((n): n is string => typeof n === 'string');
    const patched = new Set<string>();
    for (const { resource } of environment.objects) {
      const reached = resource.patchedBy.some(p =>
        file
          ? p.file === file && !p.inlineAt
          : p.file === kustomization && p.inlineAt?.[1] === index,
      );
      if (reached) patched.add(resource.object.metadata?.name);
    }
    if (names.some(n => patched.has(n))) {
      found.push({ index, target, patched: [...patched] });
    }
  }
  return found;
}

/**
 * An app placed as fluxcd/flux2-kustomize-helm-example places podinfo: a base
 * (`apps/base/<app>/`: namespace, source, release, kustomization) and, in
 * each environment's overlay, a patch of its own (`<app>-values.yaml` for the
 * chart version and values, `<app>-source.yaml` for a source tag) wired in
 * with a target naming the app. Overlay patches that target a whole kind
 * while they were written for one app are narrowed to that app first, or
 * refused when `narrowPatches` is off.
 */
export async function placeInFluxExample(
  repo: RepositoryFiles,
  files: PlannedFiles,
  environments: RenderedEnvironment[],
  spec: AppSpec,
  environmentValues: Record<string, Record<string, unknown>>,
  narrowPatches: boolean,
): Promise<{ notes: string[]; appFolder: string }> {
  const notes: string[] = [];
  let appFolder = '';
  const release = releaseManifest(spec);
  if (spec.source.kind === 'HelmRepository') {
    // Each environment pins the chart version in its own patch, as the example does.
    delete (release.spec as any).chart.spec.version;
  }
  for (const environment of environments) {
    const overlay = appsOverlay(environment);
    const base = repositoryPath(
      path.posix.dirname(overlay),
      `base/${spec.app}`,
    );
    appFolder ||= base;
    await files.write(
      `${base}/namespace.yaml`,
      toYaml([namespaceManifest(spec)]),
    );
    await files.write(
      `${base}/repository.yaml`,
      toYaml([sourceManifest(spec)]),
    );
    await files.write(`${base}/release.yaml`, toYaml([release]));
    await files.write(
      `${base}/kustomization.yaml`,
      toYaml([
        {
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          namespace: spec.namespace,
          resources: ['namespace.yaml', 'repository.yaml', 'release.yaml'],
        },
      ]),
    );
    const kustomization = repositoryPath(overlay, 'kustomization.yaml');
    if ((await files.read(kustomization)) === undefined) {
      await files.write(
        kustomization,
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
      );
    }
    const kinds = [
      deploysWithHelm(spec.source) ? 'HelmRelease' : 'Kustomization',
      spec.source.kind,
    ];
    const narrow: Array<{ index: number; names: string[] }> = [];
    for (const patch of await broadPatches(
      repo,
      environment,
      overlay,
      kustomization,
      kinds,
    )) {
      const described = `${kustomization} patches[${
        patch.index
      }] (target ${JSON.stringify(patch.target)}, patching ${patch.patched.join(
        ', ',
      )})`;
      if (!narrowPatches) {
        throw new InputError(
          `${described} would also patch ${
            spec.app
          }. Narrow its target to ${patch.patched.join(
            '|',
          )}, or let the action do it (narrowPatches).`,
        );
      }
      narrow.push({ index: patch.index, names: patch.patched });
      notes.push(
        `${described} now targets ${patch.patched.join('|')} only, so ${
          spec.app
        } does not receive it.`,
      );
    }
    const patches: Array<{
      path: string;
      target: { kind: string; name: string };
    }> = [];
    for (const patch of environmentPatch(
      spec,
      environmentValues[environment.name],
    )) {
      const name = `${spec.app}-${
        patch.kind === 'HelmRelease' ? 'values' : 'source'
      }.yaml`;
      await files.write(repositoryPath(overlay, name), toYaml([patch]));
      patches.push({
        path: name,
        target: { kind: patch.kind as string, name: spec.app },
      });
    }
    await files.edit(kustomization, text =>
      editKustomization(kustomization, text, {
        narrow,
        resources: [path.posix.relative(overlay, base)],
        patches,
      }),
    );
  }
  return { notes, appFolder };
}
