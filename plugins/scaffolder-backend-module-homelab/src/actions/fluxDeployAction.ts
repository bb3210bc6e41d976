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
import { DNS_LABEL } from '../names/dnsLabel';

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
    schema: {
      input: {
        repoPath: z =>
          z
            .string()
            .default('.')
            .describe(
              'Where the GitOps repository is checked out, relative to the workspace.',
            ),
        app: z =>
          z
            .string()
            .regex(DNS_LABEL)
            .describe('App name: names the Flux objects and the base folder.'),
        namespace: z =>
          z
            .string()
            .regex(DNS_LABEL)
            .optional()
            .describe('Namespace to deploy into; the app name by default.'),
        environments: z =>
          z
            .array(z.string().min(1))
            .min(1)
            .describe(
              'Environments to deploy to, by name or System entity reference, like ["staging"] or ["system:default/staging"].',
            ),
        source: z =>
          z
            .discriminatedUnion('kind', [
              z.object({
                kind: z.literal('HelmRepository'),
                url: z.string().regex(/^(https?|oci):\/\//),
                chart: z.string().min(1),
                version: z.string().min(1),
              }),
              z.object({
                kind: z.literal('OCIRepository'),
                url: z.string().regex(/^oci:\/\//),
                tag: z.string().min(1),
                path: z
                  .string()
                  .optional()
                  .describe(
                    'Set for a Kustomization of manifests; omit for a Helm chart artifact.',
                  ),
              }),
              z.object({
                kind: z.literal('GitRepository'),
                url: z.string().regex(/^(https?|ssh):\/\//),
                tag: z.string().min(1),
                path: z.string().min(1),
              }),
            ])
            .describe('Where the app comes from.'),
        values: z =>
          z
            .union([z.record(z.string(), z.unknown()), z.string()])
            .optional()
            .describe(
              "Helm values for every environment: an object, or YAML text as a form's text area gives it.",
            ),
        environmentValues: z =>
          z
            .record(z.string(), z.record(z.string(), z.unknown()))
            .optional()
            .describe('Helm values per environment, patched over the base.'),
        interval: z =>
          z
            .string()
            .regex(/^\d+(s|m|h)$/)
            .default('10m')
            .describe('Flux reconcile interval.'),
        narrowPatches: z =>
          z
            .boolean()
            .default(true)
            .describe(
              "When an environment's overlay has a patch written for another app whose target is a whole kind (every HelmRelease), narrow its target to that app (true), or refuse (false).",
            ),
      },
      output: {
        created: z =>
          z
            .array(z.string())
            .describe('Files created, relative to the repository.'),
        updated: z =>
          z.array(z.string()).describe('Files edited (overlay wiring).'),
        unchanged: z =>
          z.array(z.string()).describe('Files that already had this content.'),
        kind: z =>
          z
            .enum(['HelmRelease', 'Kustomization'])
            .describe('How Flux deploys the app.'),
        layout: z =>
          z.string().describe('The layout the repository was recognised as.'),
        notes: z =>
          z
            .array(z.string())
            .describe(
              'What changed besides adding the app: patches narrowed, namespaces created.',
            ),
        diff: z => z.string().describe('Unified diff of every file written.'),
        appFolder: z =>
          z
            .string()
            .describe(
              "The folder of the app's own files in the repository, like apps/base/whoami: where its catalog-info.yaml goes.",
            ),
      },
    },
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
