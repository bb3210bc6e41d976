import {
  AuthService,
  DiscoveryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ActionContext,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { homelabReleasePromotePermission } from '@homelab/plugin-homelab-common';
import {
  blockingGates,
  checkoutRepository,
  detectLayout,
  evaluatePromotionGates,
  GateResult,
  gateVerdict,
  planPromotion,
  PromotionCandidate,
  PromotionGateData,
  PromotionGateSettings,
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
import { fluxPromoteInputs, fluxPromoteOutputs } from './fluxPromoteSchema';
import { requirePermission } from './requirePermission';

/**
 * The gates' verdicts, each logged, kept in a checkpoint so that a retried
 * task does not ask again; a failed required gate stops the promotion.
 */
async function passGates(
  ctx: Pick<ActionContext<any, any>, 'checkpoint' | 'logger'>,
  promotion: PromotionCandidate,
  settings: PromotionGateSettings,
  data: PromotionGateData,
): Promise<GateResult[]> {
  const { app, from, to, version } = promotion;
  const gates = await ctx.checkpoint<GateResult[]>({
    key: `homelab-promote-gates-${app}-${from}-${to}-${version}`,
    fn: async () => evaluatePromotionGates(promotion, settings, data),
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
      `Promotion of ${app} to ${to} stopped by required gates: ${blocking
        .map(g => `${g.gate} ${gateVerdict(g)}: ${g.reasons.join('; ')}`)
        .join(' | ')}`,
    );
  }
  return gates;
}

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
    schema: { input: fluxPromoteInputs, output: fluxPromoteOutputs },
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

      const gates = await passGates(
        ctx,
        { app: input.app, from: input.from, to: input.to, version: promoted },
        readGateSettings(options.config),
        drift ? { ...data, drift: async () => drift } : data,
      );

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
