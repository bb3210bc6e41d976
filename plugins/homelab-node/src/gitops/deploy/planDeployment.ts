import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { findApp } from '../apps/findApp';
import { ChangedFile, PlannedFiles } from '../files/PlannedFiles';
import { cachedRepository, RepositoryFiles } from '../files/RepositoryFiles';
import { overlayRepository } from '../files/overlayRepository';
import {
  renderEnvironment,
  RenderedEnvironment,
} from '../flux/renderEnvironment';
import { describeOrigin, Origin } from '../kustomize/Origin';
import { environmentNamed, GitopsLayout } from '../layouts/detectLayout';
import { sameVersion } from '../versions/compareVersions';
import { AppSpec, deploysWithHelm } from './fluxManifests';
import { placeInClusterTemplate } from './placeInClusterTemplate';
import { placeInFluxExample } from './placeInFluxExample';

/**
 * A deployment worked out against the repository, before anything is written.
 *
 * @public
 */
export interface DeploymentPlan {
  /** The layout the repository was recognised as. */
  layout: string;
  /** How Flux deploys the app. */
  kind: 'HelmRelease' | 'Kustomization';
  /** Every file created or edited, with its text before and after. */
  files: ChangedFile[];
  /** Files that already hold exactly what the deployment writes. */
  unchanged: string[];
  /** What the deployment changed besides adding the app (a patch narrowed, a namespace created). */
  notes: string[];
  /** The folder of the app's own files (in the first environment, for a folder per cluster). */
  appFolder: string;
}

/**
 * Options of a deployment plan.
 *
 * @public
 */
export interface DeploymentOptions {
  /** The environments to deploy to, by name. */
  environments: string[];
  /** Helm values per environment, over the shared values. */
  environmentValues?: Record<string, Record<string, unknown>>;
  /** Narrow overlay patches that would reach the new app (true), or refuse (false). */
  narrowPatches?: boolean;
}

/** The name a patch document gives, or undefined for a JSON patch. */
async function patchName(
  repo: RepositoryFiles,
  origin: Origin,
): Promise<string | undefined> {
  const text = await repo.read(origin.file);
  let document =
    text === undefined
      ? undefined
      : parseAllDocuments(text)[origin.document]?.toJS();
  if (origin.inlineAt) {
    const inner = origin.inlineAt.reduce<any>((v, k) => v?.[k], document);
    document =
      typeof inner === 'string'
        ? parseAllDocuments(inner)[0]?.toJS()
        : undefined;
  }
  return document?.metadata?.name;
}

/**
 * Checks the rendered result: the app is there with its version, its
 * HelmRelease names its chart one way only, and no patch written for
 * another app reaches it.
 */
async function checkDeployment(
  repo: RepositoryFiles,
  environment: RenderedEnvironment,
  spec: AppSpec,
  ownFiles: Set<string>,
) {
  const app = findApp(environment, spec.app);
  const problems: string[] = [];
  const release = app.release.resource.object;
  if (
    release.kind === 'HelmRelease' &&
    release.spec?.chart &&
    release.spec?.chartRef
  ) {
    problems.push(
      `its HelmRelease would set both spec.chart and spec.chartRef, which Flux refuses`,
    );
  }
  const expected =
    spec.source.kind === 'HelmRepository'
      ? spec.source.version
      : spec.source.tag;
  if (!sameVersion(app.slots[0].value, expected)) {
    problems.push(
      `it would run ${
        app.slots[0].value ?? 'no version'
      } instead of ${expected}`,
    );
  }
  const names = new Set(
    environment.objects.map(o => o.resource.object.metadata?.name),
  );
  for (const object of [app.release, ...(app.source ? [app.source] : [])]) {
    for (const origin of object.resource.patchedBy) {
      if (ownFiles.has(origin.file) && !origin.inlineAt) continue;
      const name = await patchName(repo, origin);
      if (name && name !== spec.app && names.has(name)) {
        problems.push(
          `${describeOrigin(origin)}, written for ${name}, would patch it`,
        );
      }
    }
  }
  if (problems.length) {
    throw new InputError(
      `Deploying ${spec.app} to ${
        environment.name || 'the cluster'
      } would go wrong, so nothing was written: ${problems.join('; ')}`,
    );
  }
}

/**
 * Works out how an app is added to the repository in its layout, renders
 * every target environment with the planned files as Flux would, and checks
 * the result before anything is written.
 *
 * @public
 */
export async function planDeployment(
  repository: RepositoryFiles,
  layout: GitopsLayout,
  spec: AppSpec,
  options: DeploymentOptions,
): Promise<DeploymentPlan> {
  if (layout.singleCluster && options.environments.length > 1) {
    throw new InputError(
      `The GitOps repository holds one cluster (${
        layout.environments[0].root
      }); deploy to one environment, not ${options.environments.join(', ')}`,
    );
  }
  const repo = cachedRepository(repository);
  const environments = options.environments.map(name =>
    environmentNamed(layout, name),
  );
  const rendered: RenderedEnvironment[] = [];
  for (const environment of environments) {
    rendered.push(
      await renderEnvironment(repo, environment.name, environment.root),
    );
  }
  const files = new PlannedFiles(repo);
  const values = options.environmentValues ?? {};
  const { notes, appFolder } =
    layout.id === 'cluster-template'
      ? await placeInClusterTemplate(repo, files, rendered, spec, values)
      : await placeInFluxExample(
          repo,
          files,
          rendered,
          spec,
          values,
          options.narrowPatches ?? true,
        );
  const changed = files.changed();
  const planned = overlayRepository(
    repo,
    new Map(changed.map(f => [f.path, f.after])),
  );
  const own = new Set(
    changed.filter(f => f.before === undefined).map(f => f.path),
  );
  for (const environment of environments) {
    await checkDeployment(
      planned,
      await renderEnvironment(planned, environment.name, environment.root),
      spec,
      own,
    );
  }
  return {
    layout: layout.title,
    kind: deploysWithHelm(spec.source) ? 'HelmRelease' : 'Kustomization',
    files: changed,
    unchanged: files.alreadyThere(),
    notes,
    appFolder,
  };
}
