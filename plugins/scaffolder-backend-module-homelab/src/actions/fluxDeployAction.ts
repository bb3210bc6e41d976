import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  AppSpec,
  ChangedFile,
  checkoutRepository,
  deploysWithHelm,
  detectLayout,
  planDeployment,
  readGitopsEnvironments,
  unifiedDiff,
  writeChangedFiles,
} from '@homelab/plugin-homelab-node';
import { parse } from 'yaml';
import { resolveInside } from '../paths/resolveInside';
import { environmentName } from '../environments/environmentName';
import { fluxDeployExamples } from './fluxDeployAction.examples';
import { fluxDeployInputs, fluxDeployOutputs } from './fluxDeploySchema';

/** Helm values given as an object or as YAML text; nothing for empty text. */
function helmValues(
  values: Record<string, unknown> | string | undefined,
): Record<string, unknown> | undefined {
  if (typeof values !== 'string') return values;
  if (!values.trim()) return undefined;
  let parsed: unknown;
  try {
    parsed = parse(values);
  } catch (error) {
    throw new InputError(
      `values is not valid YAML: ${(error as Error).message}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(
      'values must be a YAML mapping, like "replicaCount: 2"',
    );
  }
  return parsed as Record<string, unknown>;
}

/**
 * homelab:flux:deploy — writes an app into the GitOps repository checked out
 * in the workspace, in the repository's own layout (recognised from its
 * folders: fluxcd/flux2-kustomize-helm-example's clusters/<env>, or
 * onedr0p/cluster-template's kubernetes/flux/cluster), after rendering every
 * target environment as Flux would to check that the app gets exactly its
 * own manifests.
 */
export function createFluxDeployAction(options: { config: Config }) {
  return createTemplateAction({
    id: 'homelab:flux:deploy',
    description:
      "Writes an app into a Flux GitOps repository in the workspace, in the repository's own layout (flux2-kustomize-helm-example or cluster-template): namespace, source, HelmRelease or Kustomization, and per-environment values.",
    examples: fluxDeployExamples,
    supportsDryRun: true,
    schema: { input: fluxDeployInputs, output: fluxDeployOutputs },
    async handler(ctx) {
      // The scaffolder checks input against the JSON Schema but fills in no defaults.
      const input = {
        ...ctx.input,
        repoPath: ctx.input.repoPath ?? '.',
        interval: ctx.input.interval ?? '10m',
        environments: [...new Set(ctx.input.environments.map(environmentName))],
      };
      const repoDir = resolveInside(
        ctx.workspacePath,
        input.repoPath,
        `repoPath ${input.repoPath} is outside the workspace`,
      );
      const unknownEnvironments = Object.keys(
        input.environmentValues ?? {},
      ).filter(e => !input.environments.includes(e));
      if (unknownEnvironments.length) {
        throw new InputError(
          `environmentValues names environments not deployed to: ${unknownEnvironments.join(
            ', ',
          )}`,
        );
      }
      const spec: AppSpec = {
        app: input.app,
        namespace: input.namespace || input.app,
        source: input.source,
        values: helmValues(input.values),
        interval: input.interval,
      };
      if (!deploysWithHelm(spec.source) && spec.values) {
        throw new InputError(
          'values apply to Helm charts; this source deploys plain manifests',
        );
      }
      const repo = checkoutRepository(repoDir);
      const layout = await detectLayout(
        repo,
        readGitopsEnvironments(options.config),
      );
      const plan = await planDeployment(repo, layout, spec, {
        environments: input.environments,
        environmentValues: input.environmentValues ?? {},
        narrowPatches: ctx.input.narrowPatches ?? true,
      });
      if (!ctx.isDryRun) {
        await ctx.checkpoint({
          key: `homelab-flux-deploy-${input.app}`,
          fn: () => writeChangedFiles(repoDir, plan.files),
        });
      }
      const created = plan.files.filter(f => f.before === undefined);
      const updated = plan.files.filter(f => f.before !== undefined);
      ctx.logger.info(
        `${input.app} in ${plan.layout}: ${created.length} files created, ${updated.length} updated, ${plan.unchanged.length} unchanged`,
      );
      for (const note of plan.notes) ctx.logger.info(note);
      const paths = (files: ChangedFile[]) => files.map(f => f.path);
      ctx.output('created', paths(created));
      ctx.output('updated', paths(updated));
      ctx.output('unchanged', plan.unchanged);
      ctx.output('kind', plan.kind);
      ctx.output('layout', plan.layout);
      ctx.output('notes', plan.notes);
      ctx.output('appFolder', plan.appFolder);
      ctx.output(
        'diff',
        plan.files.map(f => unifiedDiff(f.path, f.before, f.after)).join(''),
      );
    },
  });
}
