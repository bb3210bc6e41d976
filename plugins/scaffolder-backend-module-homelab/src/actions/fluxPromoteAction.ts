import {
  AuthService,
  DiscoveryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { homelabReleasePromotePermission } from '@homelab/plugin-homelab-common';
import {
  blockingGates,
  checkoutRepository,
  detectLayout,
  evaluatePromotionGates,
  GateResult,
  gateVerdict,
  planPromotion,
  promotionSummary,
  readGateSettings,
  readGitopsEnvironments,
  runningVersion,
  writeChangedFiles,
} from '@homelab/plugin-homelab-node';
import { resolveInside } from '../paths/resolveInside';
import { environmentName } from '../environments/environmentName';
import { homelabApiGateData } from '../promotion/homelabApiGateData';
import { fluxPromoteExamples } from './fluxPromoteAction.examples';
import { requirePermission } from './requirePermission';

/**
 * homelab:flux:promote — makes the target environment run the version the
 * source environment runs (chart version or OCIRepository tag, and image
 * tags), edited where the target's build takes each value from, after the
 * gates: Flux health, soak time, freeze windows, critical vulnerabilities and
 * SLO error budget, asked of homelab-backend with the user's credentials.
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
      "Promotes an app's version from one environment to the next in a Flux GitOps repository, gated on Flux health, soak time, freeze windows, critical vulnerabilities and SLO error budget.",
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
        expectedVersion: z =>
          z
            .string()
            .optional()
            .describe(
              'The version a preview showed (the form fills it in): the promotion stops if the source moved to another one since.',
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
          z
            .string()
            .optional()
            .describe(
              "The target's version before (absent when it set none: the newest chart).",
            ),
        toVersion: z =>
          z.string().describe('The version it runs after the merge.'),
        layout: z =>
          z.string().describe('The layout the repository was recognised as.'),
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
                mode: z.enum(['required', 'advisory']),
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
      const repo = checkoutRepository(repoDir);
      const layout = await detectLayout(
        repo,
        readGitopsEnvironments(options.config),
      );
      const data = homelabApiGateData(
        options,
        await ctx.getInitiatorCredentials(),
      );
      // A source that declares a range promotes the version it runs.
      const drift = await data.drift().catch(error => {
        ctx.logger.warn(`homelab API: ${(error as Error).message}`);
        return undefined;
      });
      const running = drift?.apps
        .find(a => a.app === input.app)
        ?.releases.find(r => r.environment === input.from);
      const plan = await planPromotion(repo, layout, {
        app: input.app,
        from: input.from,
        to: input.to,
        runningVersion: running && runningVersion(running),
      });
      const promoted = plan.sourceVersion.promoted;
      if (ctx.input.expectedVersion && ctx.input.expectedVersion !== promoted) {
        throw new InputError(
          `${input.from} now runs ${promoted}, not the ${ctx.input.expectedVersion} the preview showed; review the promotion again`,
        );
      }

      const gates = await ctx.checkpoint<GateResult[]>({
        key: `homelab-promote-gates-${input.app}-${input.from}-${input.to}-${promoted}`,
        fn: async () =>
          evaluatePromotionGates(
            {
              app: input.app,
              from: input.from,
              to: input.to,
              version: promoted,
            },
            readGateSettings(options.config),
            drift ? { ...data, drift: async () => drift } : data,
          ),
      });
      for (const gate of gates) {
        ctx.logger.info(
          `gate ${gate.gate} (${gate.mode}): ${gateVerdict(
            gate,
          )}: ${gate.reasons.join('; ')}`,
        );
      }
      const blocking = blockingGates(gates);
      if (blocking.length) {
        throw new Error(
          `Promotion of ${input.app} to ${
            input.to
          } stopped by required gates: ${blocking
            .map(g => `${g.gate} ${gateVerdict(g)}: ${g.reasons.join('; ')}`)
            .join(' | ')}`,
        );
      }

      if (plan.files.length && !ctx.isDryRun) {
        await ctx.checkpoint({
          key: `homelab-promote-write-${input.app}-${input.to}-${promoted}`,
          fn: () => writeChangedFiles(repoDir, plan.files),
        });
      }
      for (const change of plan.changes) {
        ctx.logger.info(
          `${change.label}: ${change.before ?? 'not set'} → ${
            change.after
          } in ${change.writtenAt}`,
        );
      }
      ctx.output('changed', plan.files.length > 0);
      if (plan.targetVersion !== undefined)
        ctx.output('fromVersion', plan.targetVersion);
      ctx.output('toVersion', promoted);
      ctx.output('layout', plan.layout);
      ctx.output(
        'files',
        plan.files.map(f => f.path),
      );
      ctx.output('diff', plan.diff);
      ctx.output('summary', promotionSummary(plan, gates));
      ctx.output('gates', gates);
    },
  });
}
