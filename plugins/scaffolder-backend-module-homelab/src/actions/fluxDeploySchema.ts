import type { z as zod } from 'zod/v3';
import { DNS_LABEL } from '../names/dnsLabel';

/** The inputs of homelab:flux:deploy, in the form createTemplateAction takes. */
export const fluxDeployInputs = {
  repoPath: (z: typeof zod) =>
    z
      .string()
      .default('.')
      .describe(
        'Where the GitOps repository is checked out, relative to the workspace.',
      ),
  app: (z: typeof zod) =>
    z
      .string()
      .regex(DNS_LABEL)
      .describe('App name: names the Flux objects and the base folder.'),
  namespace: (z: typeof zod) =>
    z
      .string()
      .regex(DNS_LABEL)
      .optional()
      .describe('Namespace to deploy into; the app name by default.'),
  environments: (z: typeof zod) =>
    z
      .array(z.string().min(1))
      .min(1)
      .describe(
        'Environments to deploy to, by name or System entity reference, like ["staging"] or ["system:default/staging"].',
      ),
  source: (z: typeof zod) =>
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
  values: (z: typeof zod) =>
    z
      .union([z.record(z.string(), z.unknown()), z.string()])
      .optional()
      .describe(
        "Helm values for every environment: an object, or YAML text as a form's text area gives it.",
      ),
  environmentValues: (z: typeof zod) =>
    z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .optional()
      .describe('Helm values per environment, patched over the base.'),
  interval: (z: typeof zod) =>
    z
      .string()
      .regex(/^\d+(s|m|h)$/)
      .default('10m')
      .describe('Flux reconcile interval.'),
  narrowPatches: (z: typeof zod) =>
    z
      .boolean()
      .default(true)
      .describe(
        "When an environment's overlay has a patch written for another app whose target is a whole kind (every HelmRelease), narrow its target to that app (true), or refuse (false).",
      ),
};

/** The outputs of homelab:flux:deploy. */
export const fluxDeployOutputs = {
  created: (z: typeof zod) =>
    z.array(z.string()).describe('Files created, relative to the repository.'),
  updated: (z: typeof zod) =>
    z.array(z.string()).describe('Files edited (overlay wiring).'),
  unchanged: (z: typeof zod) =>
    z.array(z.string()).describe('Files that already had this content.'),
  kind: (z: typeof zod) =>
    z
      .enum(['HelmRelease', 'Kustomization'])
      .describe('How Flux deploys the app.'),
  layout: (z: typeof zod) =>
    z.string().describe('The layout the repository was recognised as.'),
  notes: (z: typeof zod) =>
    z
      .array(z.string())
      .describe(
        'What changed besides adding the app: patches narrowed, namespaces created.',
      ),
  diff: (z: typeof zod) =>
    z.string().describe('Unified diff of every file written.'),
  appFolder: (z: typeof zod) =>
    z
      .string()
      .describe(
        "The folder of the app's own files in the repository, like apps/base/whoami: where its catalog-info.yaml goes.",
      ),
};
