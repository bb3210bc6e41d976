import {
  AuthService,
  DiscoveryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { homelabReleasePromotePermission } from '@homelab/plugin-homelab-common';
import { resolveInside } from '../paths/resolveInside';
import { resolveGitopsLayout } from '../flux/gitopsLayout';
import { lineDiff } from '../flux/lineDiff';
import { writeRepositoryFiles } from '../flux/repositoryFiles';
import {
  differingValues,
  promotedFiles,
  readEnvironmentRelease,
} from '../promotion/appVersions';
import {
  evaluatePromotionGates,
  GateResult,
  readGateSettings,
} from '../promotion/promotionGates';
import { environmentName } from '../environments/environmentName';
import { fluxPromoteExamples } from './fluxPromoteAction.examples';
import { requirePermission } from './requirePermission';

const VERDICTS = { true: 'passed', false: 'failed', null: 'undecided' };
const verdict = (r: GateResult) =>
  VERDICTS[String(r.passed) as keyof typeof VERDICTS];

/**
 * homelab:flux:promote — moves an app's version (chart version or source
 * tag, and image tags) from one environment's overlay to another's, after
 * asking homelab-backend whether the source environment is healthy.
 */
export function createFluxPromoteAction(options: {
  config: Config;
  discovery: DiscoveryService;
  auth: AuthService;
  permissions: PermissionsService;
}) {
  return createTemplateAction({
    id: 'homelab:flux:promote',
    description:
      "Promotes an app's version from one environment to the next in a Flux GitOps repository, gated on Flux health, critical vulnerabilities and SLO error budget.",
    examples: fluxPromoteExamples,
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
            .min(1)
            .describe('The app (its base folder and Flux object name).'),
        from: z =>
          z
            .string()
            .min(1)
            .describe(
              'Environment whose version is promoted, by name or System entity reference, like "staging".',
            ),
        to: z =>
          z
            .string()
            .min(1)
            .describe(
              'Environment that receives it, by name or System entity reference, like "production".',
            ),
      },
      output: {
        changed: z =>
          z
            .boolean()
            .describe(
              'Whether any file changed; false when the target already runs the version.',
            ),
        fromVersion: z =>
          z.string().optional().describe('The version the target ran.'),
        toVersion: z =>
          z
            .string()
            .optional()
            .describe('The version it runs after the merge.'),
        files: z =>
          z
            .array(z.string())
            .describe('Files changed, relative to the repository.'),
        diff: z => z.string().describe('Unified diff of the change.'),
        summary: z =>
          z
            .string()
            .describe(
              'Markdown for the pull request body: versions, gates, values left as they are.',
            ),
        gates: z =>
          z
            .array(
              z.object({
                gate: z.string(),
                mode: z.string(),
                passed: z.boolean().nullable(),
                reasons: z.array(z.string()),
              }),
            )
            .describe('Each gate and its verdict.'),
      },
    },
    async handler(ctx) {
      // The scaffolder checks input against the JSON Schema but fills in no defaults.
      const input = {
        ...ctx.input,
        repoPath: ctx.input.repoPath ?? '.',
        from: environmentName(ctx.input.from),
        to: environmentName(ctx.input.to),
      };
      if (input.from === input.to)
        throw new InputError('from and to are the same environment');
      await requirePermission(
        options.permissions,
        ctx,
        homelabReleasePromotePermission,
        `promote ${input.app} to ${input.to}`,
      );
      const repoDir = resolveInside(
        ctx.workspacePath,
        input.repoPath,
        `repoPath ${input.repoPath} is outside the workspace`,
      );
      const layout = resolveGitopsLayout(repoDir, options.config);
      const from = await readEnvironmentRelease(
        repoDir,
        layout,
        input.app,
        input.from,
      );
      const to = await readEnvironmentRelease(
        repoDir,
        layout,
        input.app,
        input.to,
      );

      const gates = await ctx.checkpoint<GateResult[]>({
        key: `homelab-promote-gates-${input.app}-${input.from}-${input.to}-${from.version}`,
        fn: async () =>
          evaluatePromotionGates(
            {
              app: input.app,
              from: input.from,
              to: input.to,
              version: from.version,
            },
            readGateSettings(options.config),
            options,
            await ctx.getInitiatorCredentials(),
          ),
      });
      for (const gate of gates) {
        ctx.logger.info(
          `gate ${gate.gate} (${gate.mode}): ${verdict(
            gate,
          )}: ${gate.reasons.join('; ')}`,
        );
      }
      const blocking = gates.filter(
        g => g.mode === 'required' && g.passed !== true,
      );
      if (blocking.length) {
        throw new Error(
          `Promotion of ${input.app} to ${
            input.to
          } stopped by required gates: ${blocking
            .map(g => `${g.gate} ${verdict(g)}: ${g.reasons.join('; ')}`)
            .join(' | ')}`,
        );
      }

      const files = promotedFiles(input.app, from, to);
      const diff = files
        .map(f => lineDiff(f.path, f.before ?? '', f.after))
        .join('');
      if (files.length && !ctx.isDryRun) {
        await ctx.checkpoint({
          key: `homelab-promote-write-${input.app}-${input.to}-${from.version}`,
          fn: async () => {
            await writeRepositoryFiles(
              repoDir,
              files.map(f => ({ path: f.path, content: f.after, edit: true })),
            );
          },
        });
      }
      const tags = Object.entries(from.imageTags).filter(
        ([p, t]) => to.imageTags[p] !== t,
      );
      const leftAlone = differingValues(from, to);
      const summary = [
        `## Promote ${input.app}: ${input.from} → ${input.to}`,
        '',
        files.length
          ? `${
              from.versionAt === 'chart' ? 'Chart version' : 'Source tag'
            }: \`${to.version ?? 'unset'}\` → \`${from.version ?? 'unset'}\``
          : `${input.to} already runs \`${from.version}\`; nothing to change.`,
        ...tags.map(
          ([p, t]) =>
            `- image tag \`${p}\`: \`${
              to.imageTags[p] ?? 'unset'
            }\` → \`${t}\``,
        ),
        '',
        '### Gates',
        ...(gates.length
          ? gates.map(
              g =>
                `- **${g.gate}** (${g.mode}): ${verdict(g)} — ${g.reasons.join(
                  '; ',
                )}`,
            )
          : ['- all gates are off']),
        ...(leftAlone.length
          ? [
              '',
              `### Values that differ and stay as ${input.to} has them`,
              ...leftAlone.map(v => `- \`${v}\``),
            ]
          : []),
        ...(diff ? ['', '```diff', diff.trimEnd(), '```'] : []),
      ].join('\n');

      ctx.output('changed', files.length > 0);
      if (to.version) ctx.output('fromVersion', to.version);
      if (from.version) ctx.output('toVersion', from.version);
      ctx.output(
        'files',
        files.map(f => f.path),
      );
      ctx.output('diff', diff);
      ctx.output('summary', summary);
      ctx.output('gates', gates);
    },
  });
}
