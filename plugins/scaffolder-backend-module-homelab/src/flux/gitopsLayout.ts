import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';

/** Where an app's files go in a GitOps repository. */
export interface GitopsLayout {
  /** Folder of the app's base, relative to the repository. */
  baseDir(app: string): string;
  /** Folder of an environment's overlay, relative to the repository. */
  environmentDir(environment: string): string;
}

const DEFAULT_BASE = 'apps/base/{app}';
const DEFAULT_ENVIRONMENT = 'apps/{env}';

function fromPatterns(base: string, environment: string): GitopsLayout {
  return {
    baseDir: app => base.split('{app}').join(app),
    environmentDir: env => environment.split('{env}').join(env),
  };
}

/**
 * The layout of the repository checked out at `repoDir`: the one configured
 * in homelab.gitops, or else the layout of fluxcd/flux2-kustomize-helm-example
 * (apps/base/<app>, apps/<env>) when the repository follows it or has no apps
 * yet. A repository with an apps folder of another shape is refused rather
 * than guessed at.
 */
export function resolveGitopsLayout(
  repoDir: string,
  config: Config,
): GitopsLayout {
  const base = config.getOptionalString('homelab.gitops.baseDir');
  const environment = config.getOptionalString('homelab.gitops.environmentDir');
  if (base || environment) {
    if (!base?.includes('{app}') || !environment?.includes('{env}')) {
      throw new InputError(
        'homelab.gitops.baseDir must contain {app} and homelab.gitops.environmentDir must contain {env}',
      );
    }
    return fromPatterns(base, environment);
  }
  const apps = path.join(repoDir, 'apps');
  if (fs.existsSync(apps) && !fs.existsSync(path.join(apps, 'base'))) {
    const found = fs.readdirSync(apps).slice(0, 5).join(', ');
    throw new InputError(
      `Cannot place the app: the repository has an apps folder (${found}) without apps/base, so it does not follow the flux2-kustomize-helm-example layout. Configure homelab.gitops.baseDir and homelab.gitops.environmentDir to match it.`,
    );
  }
  return fromPatterns(DEFAULT_BASE, DEFAULT_ENVIRONMENT);
}
