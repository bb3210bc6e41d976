import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { PromotionPreview } from '@homelab/plugin-homelab-common';
import {
  blockingGates,
  detectLayout,
  evaluatePromotionGates,
  planPromotion,
  PromotionGateData,
  promotionSummary,
  readRepositoryFiles,
  runningVersion,
  seedLocalRepository,
} from '@homelab/plugin-homelab-node';
import { PromotionSettings } from '../config';

/** What a preview is asked for: an app and two environments, by name. */
interface PromotionRequest {
  app: string;
  from: string;
  to: string;
}

/**
 * A promotion as homelab:flux:promote would make it now, worked out from
 * the configured GitOps repository (read without a checkout) and the
 * homelab's own data for the gates: what changes where, the diff, each
 * gate's verdict and the pull request body. Nothing is written.
 */
export async function previewPromotion(
  request: PromotionRequest,
  options: {
    settings: PromotionSettings;
    urlReader: UrlReaderService;
    gates: PromotionGateData;
    now?: Date;
  },
): Promise<PromotionPreview> {
  const { settings } = options;
  const repository = settings.repository;
  if (!repository) {
    throw new NotFoundError(
      'No GitOps repository is configured (homelab.repositories.gitops), so there is nothing to preview',
    );
  }
  if (repository.local) {
    await seedLocalRepository(repository);
  }
  const repo = await readRepositoryFiles(repository, options.urlReader);
  const layout = await detectLayout(repo, settings.environments);
  // The drift is read once, for the running version and for the gates.
  const drift = await options.gates.drift().catch(() => undefined);
  const running = drift?.apps
    .find(a => a.app === request.app)
    ?.releases.find(r => r.environment === request.from);
  const plan = await planPromotion(repo, layout, {
    ...request,
    runningVersion: running && runningVersion(running),
  });
  const gates = await evaluatePromotionGates(
    { ...request, version: plan.sourceVersion.promoted },
    settings.gates,
    drift ? { ...options.gates, drift: async () => drift } : options.gates,
    options.now,
  );
  return {
    layout: plan.layout,
    app: plan.app,
    from: plan.from,
    to: plan.to,
    versionLabel: plan.sourceVersion.label,
    ...(plan.sourceVersion.declared !== undefined
      ? { declaredVersion: plan.sourceVersion.declared }
      : {}),
    promotedVersion: plan.sourceVersion.promoted,
    ...(plan.targetVersion !== undefined
      ? { targetVersion: plan.targetVersion }
      : {}),
    changes: plan.changes.map(({ slot, label, before, after, writtenAt }) => ({
      slot,
      label,
      ...(before !== undefined ? { before } : {}),
      after,
      writtenAt,
    })),
    notes: plan.notes,
    valuesLeftAlone: plan.valuesLeftAlone,
    diff: plan.diff,
    gates,
    blocked: blockingGates(gates).length > 0,
    summary: promotionSummary(plan, gates),
  };
}
