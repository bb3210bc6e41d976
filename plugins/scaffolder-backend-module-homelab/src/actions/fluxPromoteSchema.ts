import type { z as zod } from 'zod/v3';

/** The inputs of homelab:flux:promote, in the form createTemplateAction takes. */
export const fluxPromoteInputs = {
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
      .min(1)
      .describe('The app (its base folder and Flux object name).'),
  from: (z: typeof zod) =>
    z
      .string()
      .min(1)
      .describe(
        'Environment whose version is promoted, by name or System entity reference, like "staging".',
      ),
  to: (z: typeof zod) =>
    z
      .string()
      .min(1)
      .describe(
        'Environment that receives it, by name or System entity reference, like "production".',
      ),
  expectedVersion: (z: typeof zod) =>
    z
      .string()
      .optional()
      .describe(
        'The version a preview showed (the form fills it in): the promotion stops if the source moved to another one since.',
      ),
};

/** The outputs of homelab:flux:promote. */
export const fluxPromoteOutputs = {
  changed: (z: typeof zod) =>
    z
      .boolean()
      .describe(
        'Whether any file changed; false when the target already runs the version.',
      ),
  fromVersion: (z: typeof zod) =>
    z
      .string()
      .optional()
      .describe(
        "The target's version before (absent when it set none: the newest chart).",
      ),
  toVersion: (z: typeof zod) =>
    z.string().describe('The version it runs after the merge.'),
  layout: (z: typeof zod) =>
    z.string().describe('The layout the repository was recognised as.'),
  files: (z: typeof zod) =>
    z.array(z.string()).describe('Files changed, relative to the repository.'),
  diff: (z: typeof zod) => z.string().describe('Unified diff of the change.'),
  summary: (z: typeof zod) =>
    z
      .string()
      .describe(
        'Markdown for the pull request body: versions, gates, values left as they are.',
      ),
  gates: (z: typeof zod) =>
    z
      .array(
        z.object({
          gate: z.string(),
          mode: z.enum(['required', 'advisory']),
          passed: z.boolean().nullable(),
          reasons: z.array(z.string()),
        }),
      )
      .describe('Each gate and its verdict.'),
};
