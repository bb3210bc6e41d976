import { DocsContext } from '../docsContext';
import { label, mermaid, nodeId, page, table } from '../markdown';

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
    const how =
      target?.updates === 'manual'
        ? 'promotion pull request'
        : 'automatic promotion';
    lines.push(
      `  ${nodeId('env', environment.name)} -->|${label(how)}| ${nodeId(
        'env',
        environment.promotesTo,
      )}`,
    );
  }
  return mermaid(lines);
}

/** How a change reaches the clusters through Git and Flux. */
function gitopsFlow(context: DocsContext): string {
  const { inventory } = context;
  const lines = [
    'flowchart LR',
    `  git[${label(
      'GitOps repository',
      'apps/base and a folder per environment',
    )}]`,
    `  pr[${label(
      'Pull request',
      'deploy, promote, dependency updates',
    )}] --> git`,
  ];
  for (const cluster of inventory.clusters) {
    const flux = nodeId('flux', cluster.name);
    const hasFlux = (cluster.platformServices ?? []).some(
      s => s.category === 'gitops',
    );
    lines.push(
      `  ${flux}[${label(
        hasFlux
          ? `Flux in ${context.titleOf(cluster)}`
          : `${context.titleOf(cluster)} (no GitOps service listed)`,
        `reconciles apps/${cluster.environment}`,
      )}]`,
      `  git --> ${flux}`,
      `  ${flux} --> ${nodeId('cluster', cluster.name)}[${label(
        context.titleOf(cluster),
      )}]`,
    );
  }
  return mermaid(lines);
}

/** environments.md: environments, how releases move between them, and the GitOps flow. */
export function environmentsPage(context: DocsContext): string {
  const { inventory } = context;
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
    '## Promotion',
    promotionFlow(context),
    '## GitOps',
    gitopsFlow(context),
  ]);
}
