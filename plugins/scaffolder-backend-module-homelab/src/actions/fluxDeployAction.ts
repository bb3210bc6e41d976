import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { parse } from 'yaml';
import { resolveInside } from '../paths/resolveInside';
import {
  AppSpec,
  deploysWithHelm,
  environmentPatch,
  namespaceManifest,
  releaseManifest,
  sourceManifest,
  toYaml,
} from '../flux/fluxManifests';
import { resolveGitopsLayout } from '../flux/gitopsLayout';
import { wireOverlay } from '../flux/overlayKustomization';
import {
  insideRepository,
  PlannedFile,
  readIfExists,
  writeRepositoryFiles,
  WriteResult,
} from '../flux/repositoryFiles';
import { environmentName } from '../environments/environmentName';
import { fluxDeployExamples } from './fluxDeployAction.examples';
import { DNS_LABEL } from '../names/dnsLabel';

/** The files an app's deployment consists of, in the repository's layout. */
export async function planDeployment(
  repoDir: string,
  config: Config,
  spec: AppSpec,
  environments: string[],
  environmentValues: Record<string, Record<string, unknown>>,
): Promise<PlannedFile[]> {
  const layout = resolveGitopsLayout(repoDir, config);
  const base = layout.baseDir(spec.app);
  const files: PlannedFile[] = [
    {
      path: `${base}/namespace.yaml`,
      content: toYaml([namespaceManifest(spec)]),
    },
    {
      path: `${base}/repository.yaml`,
      content: toYaml([sourceManifest(spec)]),
    },
    { path: `${base}/release.yaml`, content: toYaml([releaseManifest(spec)]) },
    {
      path: `${base}/kustomization.yaml`,
      content: toYaml([
        {
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          namespace: spec.namespace,
          resources: ['namespace.yaml', 'repository.yaml', 'release.yaml'],
        },
      ]),
    },
  ];
  for (const environment of environments) {
    const overlay = layout.environmentDir(environment);
    const patchFiles: string[] = [];
    for (const patch of environmentPatch(
      spec,
      environmentValues[environment],
    )) {
      const name = `${spec.app}-${
        patch.kind === 'HelmRelease' ? 'values' : 'source'
      }.yaml`;
      patchFiles.push(name);
      files.push({ path: `${overlay}/${name}`, content: toYaml([patch]) });
    }
    const kustomization = `${overlay}/kustomization.yaml`;
    files.push({
      path: kustomization,
      edit: true,
      content: wireOverlay(
        await readIfExists(insideRepository(repoDir, kustomization)),
        path.posix.relative(overlay, base),
        patchFiles,
        kustomization,
      ),
    });
  }
  return files;
}

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
 * in the workspace: its namespace, Flux source and HelmRelease or
 * Kustomization in a base, and a patch per environment wired into that
 * environment's kustomization.yaml.
 */
export function createFluxDeployAction(options: { config: Config }) {
  return createTemplateAction({
    id: 'homelab:flux:deploy',
    description:
      'Writes an app into a Flux GitOps repository in the workspace: namespace, source, HelmRelease or Kustomization, and per-environment overlays.',
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
      const files = await planDeployment(
        repoDir,
        options.config,
        spec,
        input.environments,
        input.environmentValues ?? {},
      );
      const result = ctx.isDryRun
        ? { created: files.map(f => f.path), updated: [], unchanged: [] }
        : await ctx.checkpoint<WriteResult>({
            key: `homelab-flux-deploy-${input.app}`,
            fn: () => writeRepositoryFiles(repoDir, files),
          });
      ctx.logger.info(
        `${input.app}: ${result.created.length} files created, ${result.updated.length} updated, ${result.unchanged.length} unchanged`,
      );
      ctx.output('created', result.created);
      ctx.output('updated', result.updated);
      ctx.output('unchanged', result.unchanged);
      ctx.output(
        'kind',
        deploysWithHelm(spec.source) ? 'HelmRelease' : 'Kustomization',
      );
    },
  });
}
