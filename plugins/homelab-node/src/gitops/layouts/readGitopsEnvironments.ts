import { Config } from '@backstage/config';

/**
 * homelab.gitops.environments: each environment's Flux folder, for
 * repositories the layouts do not recognise by themselves.
 *
 * @public
 */
export function readGitopsEnvironments(
  config: Config,
): Record<string, string> | undefined {
  const environments = config.getOptionalConfig('homelab.gitops.environments');
  if (!environments) return undefined;
  return Object.fromEntries(
    environments.keys().map(name => [name, environments.getString(name)]),
  );
}
