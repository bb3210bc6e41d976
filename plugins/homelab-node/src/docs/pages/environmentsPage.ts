import { Cluster } from '@homelab/plugin-homelab-common';
import { DocsContext } from '../docsContext';
import { label, mermaid, nodeId, NOT_STATED, page, table } from '../markdown';

/** The promotion order: each environment, then the one it promotes to. */
function promotionFlow(context: DocsContext): string {
  const { inventory } = context;
  const lines = ['flowchart LR'];
  for (const environment of inventory.environments) {
    const clusters = inventory.clusters
      .filter(c => c.environment === environment.name)
      .map(c => context.titleOf(c));
    lines.push(
      `  ${nodeId('env', environment.name)}[${label(
        context.titleOf(environment),
        clusters.join(', ') || undefined,
        environment.updates ? `${environment.updates} updates` : undefined,
      )}]`,
    );
  }
  for (const environment of inventory.environments) {
    if (!environment.promotesTo) continue;
    const target = inventory.environments.find(
      e => e.name === environment.promotesTo,
    );
    // Only what the target's stated updates say; nothing when they are not stated.
    const how = target?.updates
      ? `|${label(
          target.updates === 'manual'
            ? 'promotion pull request'
            : 'automatic promotion',
        )}| `
      : '';
    lines.push(
      `  ${nodeId('env', environment.name)} -->${how}${how ? '' : ' '}${nodeId(
        'env',
        environment.promotesTo,
      )}`,
    );
  }
  return mermaid(lines);
}

const TOOL_TITLES: Record<string, string> = {
  flux: 'Flux',
  argocd: 'Argo CD',
  none: 'none',
};

/** The GitOps tool of a cluster as the inventory states it, or that it does not. */
const toolText = (cluster: Cluster) =>
  cluster.gitops && cluster.gitops.tool !== 'unknown'
    ? TOOL_TITLES[cluster.gitops.tool]
    : NOT_STATED;

/**
 * How the clusters are reconciled from Git, only as far as the inventory
 * says: each cluster with Flux or Argo CD, the repository (and folder) it
 * reconciles from; nothing is drawn for a cluster without a stated tool.
 */
function gitopsFlow(context: DocsContext): string | undefined {
  const reconciled = context.inventory.clusters.filter(
    c => c.gitops?.tool === 'flux' || c.gitops?.tool === 'argocd',
  );
  if (!reconciled.length) return undefined;
  const lines = ['flowchart LR'];
  const repositories = new Map<string, string>();
  for (const cluster of reconciled) {
    const gitops = cluster.gitops!;
    const repository = gitops.repository;
    let repo = repository ? repositories.get(repository) : undefined;
    if (!repo) {
      repo = nodeId('repo', repository ?? cluster.name);
      if (repository) repositories.set(repository, repo);
      lines.push(
        `  ${repo}[${label(
          'Git repository',
          repository ?? `of ${context.titleOf(cluster)}: ${NOT_STATED}`,
        )}]`,
      );
    }
    const tool = nodeId('gitops', cluster.name);
    const where = [
      gitops.path ? `reconciles ${gitops.path}` : undefined,
      gitops.branch ? `from ${gitops.branch}` : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    lines.push(
      `  ${tool}[${label(
        `${TOOL_TITLES[gitops.tool]} in ${context.titleOf(cluster)}`,
        where || undefined,
      )}]`,
      `  ${repo} --> ${tool}`,
      `  ${tool} --> ${nodeId('cluster', cluster.name)}[${label(
        context.titleOf(cluster),
      )}]`,
    );
  }
  return mermaid(lines);
}

/** The GitOps section: each cluster's tool and repository as stated, and the flow where there is one. */
function gitopsSection(context: DocsContext): string[] {
  const { clusters } = context.inventory;
  if (!clusters.length) return [];
  const flow = gitopsFlow(context);
  return [
    '## GitOps',
    table(
      ['Cluster', 'Tool', 'Repository', 'Branch', 'Path'],
      clusters.map(cluster => [
        context.titleOf(cluster),
        toolText(cluster),
        cluster.gitops?.repository,
        cluster.gitops?.branch,
        cluster.gitops?.path,
      ]),
    ),
    ...(flow ? [flow] : []),
  ];
}

/** environments.md: environments, how releases move between them, and the GitOps flow. */
export function environmentsPage(context: DocsContext): string {
  const { inventory } = context;
  const promotes = inventory.environments.some(e => e.promotesTo);
  if (!inventory.environments.length && !inventory.clusters.length)
    return page('Environments', ['The inventory states no environments.']);
  return page('Environments', [
    table(
      [
        'Environment',
        'Clusters',
        'Updates',
        'Domain',
        'Promotes to',
        'Description',
      ],
      inventory.environments.map(environment => [
        context.titleOf(environment),
        inventory.clusters
          .filter(c => c.environment === environment.name)
          .map(c => context.titleOf(c))
          .join(', '),
        environment.updates,
        environment.domain ? `\`${environment.domain}\`` : undefined,
        environment.promotesTo,
        environment.description,
      ]),
    ),
    ...(promotes ? ['## Promotion', promotionFlow(context)] : []),
    ...gitopsSection(context),
  ]);
}
