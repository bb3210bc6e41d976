import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import path from 'node:path';

/**
 * The repositories the homelab templates work on, by role.
 *
 * @public
 */
export type RepositoryRole = 'gitops' | 'inventory';

/**
 * A repository the operator configured under homelab.repositories: remote
 * (read through Backstage's integrations, changed by pull requests) or a
 * local git repository on the backend's disk (changed by commits pushed to
 * it, for a demo or a lab without a Git host).
 *
 * @public
 */
export interface HomelabRepository {
  /** Which repository it is. */
  role: RepositoryRole;
  /** The branch the templates check out and change. */
  branch: string;
  /** Where the inventory lives in the repository, for the inventory's. */
  path?: string;
  /** Set for a remote repository. */
  remote?: {
    /** Like https://github.com/me/homelab-gitops. */
    url: string;
    /** The repository as publish actions take it: github.com?owner=me&repo=homelab-gitops. */
    repoUrl: string;
    /** The branch's tree, as UrlReader and fetch:plain read it. */
    treeUrl: string;
    /** A file's URL on the branch, as the catalog reads it. */
    fileUrl(file: string): string;
  };
  /** Set for a local repository. */
  local?: {
    /** The bare repository. */
    gitDir: string;
    /**
     * A folder the repository is created from when it does not exist yet,
     * placed at `path` in it (the inventory's folder), else at its root.
     */
    seedFrom?: string;
  };
}

function remoteOf(url: string, branch: string, integrations: ScmIntegrations) {
  const parsed = new URL(url.replace(/\.git$/, '').replace(/\/$/, ''));
  const [owner, ...rest] = parsed.pathname.replace(/^\//, '').split('/');
  const repo = rest.join('/');
  if (!owner || !repo) {
    throw new InputError(
      `${url} is not a repository URL like https://github.com/me/homelab-gitops`,
    );
  }
  const base = `${parsed.origin}/${owner}/${repo}`;
  const type = integrations.byUrl(url)?.type;
  const separator = type === 'gitlab' ? '/-' : '';
  const tree =
    type === 'bitbucketServer'
      ? `${base}/browse?at=${branch}`
      : `${base}${separator}/tree/${branch}`;
  return {
    url: base,
    repoUrl: `${parsed.host}?owner=${encodeURIComponent(
      owner,
    )}&repo=${encodeURIComponent(repo)}`,
    treeUrl: tree,
    fileUrl: (file: string) => `${base}${separator}/blob/${branch}/${file}`,
  };
}

/**
 * The repository configured for a role, or undefined when none is.
 * Relative local paths are taken from the backend's working directory.
 *
 * @public
 */
export function readHomelabRepository(
  config: Config,
  role: RepositoryRole,
): HomelabRepository | undefined {
  const entry = config.getOptionalConfig(`homelab.repositories.${role}`);
  if (!entry) return undefined;
  const key = `homelab.repositories.${role}`;
  const branch = entry.getOptionalString('branch') ?? 'main';
  if (!/^[\w./-]+$/.test(branch) || branch.includes('..')) {
    throw new InputError(`${key}.branch is not a branch name: ${branch}`);
  }
  const url = entry.getOptionalString('url');
  const localPath = entry.getOptionalString('localPath');
  if (!url === !localPath) {
    throw new InputError(
      `${key} needs either url (a remote repository) or localPath (a local one), not both`,
    );
  }
  return {
    role,
    branch,
    ...(role === 'inventory'
      ? { path: entry.getOptionalString('path') ?? 'inventory' }
      : {}),
    ...(url
      ? { remote: remoteOf(url, branch, ScmIntegrations.fromConfig(config)) }
      : {}),
    ...(localPath
      ? {
          local: {
            gitDir: path.resolve(localPath),
            ...(entry.getOptionalString('seedFrom')
              ? { seedFrom: path.resolve(entry.getString('seedFrom')) }
              : {}),
          },
        }
      : {}),
  };
}
