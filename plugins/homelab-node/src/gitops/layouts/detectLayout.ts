import { InputError } from '@backstage/errors';
import { RepositoryFiles, repositoryPath } from '../files/RepositoryFiles';

/**
 * The GitOps layouts the actions place apps in.
 *
 * @public
 */
export type GitopsLayoutId =
  | 'flux2-kustomize-helm-example'
  | 'cluster-template';

/**
 * An environment of the repository: a cluster and the folder its Flux syncs.
 *
 * @public
 */
export interface GitopsEnvironment {
  /** The environment, like staging. */
  name: string;
  /** The folder its Flux syncs, like clusters/staging. */
  root: string;
}

/**
 * How a GitOps repository is laid out, and its environments.
 *
 * @public
 */
export interface GitopsLayout {
  /** Which layout. */
  id: GitopsLayoutId;
  /** For people: the layout and where it was recognised. */
  title: string;
  /** Its environments, each with the folder its Flux syncs. */
  environments: GitopsEnvironment[];
  /**
   * A repository of one cluster (cluster-template's kubernetes/flux/cluster):
   * its one environment answers to whatever name the portal gives it.
   */
  singleCluster: boolean;
}

const folders = async (repo: RepositoryFiles, folder: string) =>
  ((await repo.list(folder)) ?? [])
    .filter(e => e.isFolder && !e.name.startsWith('.'))
    .map(e => e.name)
    .sort();

const LOOKED_FOR = [
  'clusters/<environment>/ (flux bootstrap, as fluxcd/flux2-kustomize-helm-example has it)',
  'kubernetes/flux/cluster/ (onedr0p/cluster-template, one cluster)',
  'kubernetes/<environment>/flux/cluster/ (cluster-template with a folder per cluster)',
];

/**
 * Recognises the repository's layout from the folders Flux syncs: the
 * configured environments (homelab.gitops.environments: name → folder), or
 * else the conventions of fluxcd/flux2-kustomize-helm-example and
 * onedr0p/cluster-template. A repository matching none is refused with what
 * was looked for and what it holds.
 *
 * @public
 */
export async function detectLayout(
  repo: RepositoryFiles,
  configured?: Record<string, string>,
): Promise<GitopsLayout> {
  if (configured && Object.keys(configured).length) {
    const environments = Object.entries(configured).map(([name, root]) => ({
      name,
      root: repositoryPath('', root),
    }));
    for (const { name, root } of environments) {
      if (!(await repo.list(root))) {
        throw new InputError(
          `homelab.gitops.environments.${name} names ${root}, which is not a folder of the repository`,
        );
      }
    }
    const clusterTemplate = environments.every(e =>
      /(^|\/)flux\/cluster$/.test(e.root),
    );
    return {
      id: clusterTemplate ? 'cluster-template' : 'flux2-kustomize-helm-example',
      title: `${
        clusterTemplate
          ? 'onedr0p/cluster-template'
          : 'fluxcd/flux2-kustomize-helm-example'
      } (environments from homelab.gitops.environments)`,
      environments,
      singleCluster: false,
    };
  }
  const clusters = await folders(repo, 'clusters');
  if (clusters.length) {
    return {
      id: 'flux2-kustomize-helm-example',
      title: `fluxcd/flux2-kustomize-helm-example (clusters/${clusters.join(
        ', clusters/',
      )})`,
      environments: clusters.map(name => ({ name, root: `clusters/${name}` })),
      singleCluster: false,
    };
  }
  if (await repo.list('kubernetes/flux/cluster')) {
    return {
      id: 'cluster-template',
      title: 'onedr0p/cluster-template (one cluster: kubernetes/flux/cluster)',
      environments: [{ name: '', root: 'kubernetes/flux/cluster' }],
      singleCluster: true,
    };
  }
  const perCluster: string[] = [];
  for (const name of await folders(repo, 'kubernetes')) {
    if (await repo.list(`kubernetes/${name}/flux/cluster`))
      perCluster.push(name);
  }
  if (perCluster.length) {
    return {
      id: 'cluster-template',
      title: `onedr0p/cluster-template with a folder per cluster (kubernetes/${perCluster.join(
        ', kubernetes/',
      )})`,
      environments: perCluster.map(name => ({
        name,
        root: `kubernetes/${name}/flux/cluster`,
      })),
      singleCluster: false,
    };
  }
  const top = ((await repo.list('')) ?? []).map(
    e => `${e.name}${e.isFolder ? '/' : ''}`,
  );
  throw new InputError(
    `The GitOps repository follows no layout these actions know. Looked for ${LOOKED_FOR.join(
      '; ',
    )}. It holds: ${
      top.length ? top.sort().join(', ') : 'nothing'
    }. Name each environment's Flux folder in homelab.gitops.environments (for example staging: clusters/staging).`,
  );
}

/** The environment of that name; a one-cluster repository's for any name. */
export function environmentNamed(
  layout: GitopsLayout,
  name: string,
): GitopsEnvironment {
  if (layout.singleCluster) return { ...layout.environments[0], name };
  const found = layout.environments.find(e => e.name === name);
  if (!found) {
    throw new InputError(
      `The GitOps repository has no environment ${name}; it has ${layout.environments
        .map(e => `${e.name} (${e.root})`)
        .join(', ')}`,
    );
  }
  return found;
}
