import { Retention, Target } from '@homelab/plugin-homelab-common';
import { DocsContext } from './docsContext';
import { table } from './markdown';

/** What a backup, objective or external service is about, by its title. */
function targetText(context: DocsContext, target: Target): string {
  const { inventory } = context;
  const title = (
    items: Array<{ name: string; title?: string }>,
    name: string,
  ) => context.titleOf(items.find(item => item.name === name) ?? { name });
  if (target.cluster) {
    const cluster = inventory.clusters.find(c => c.name === target.cluster);
    const clusterTitle = context.titleOf(cluster ?? { name: target.cluster });
    if (target.service) {
      return `${title(
        cluster?.platformServices ?? [],
        target.service,
      )} in ${clusterTitle}`;
    }
    return target.namespaces?.length
      ? `${clusterTitle} (namespaces ${target.namespaces.join(', ')})`
      : clusterTitle;
  }
  if (target.storage) return title(inventory.storage, target.storage);
  if (target.device) return context.deviceTitle(target.device);
  if (target.externalService)
    return title(inventory.externalServices, target.externalService);
  if (target.app) return `app ${target.app}`;
  return target.description ?? '';
}

/** "7 daily, 4 weekly", "720h". */
function retentionText(retention: Retention | undefined): string | undefined {
  if (!retention) return undefined;
  const counts = (
    ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'] as const
  )
    .filter(period => retention[period] !== undefined)
    .map(period => `${retention[period]} ${period}`);
  return [...counts, retention.duration].filter(Boolean).join(', ');
}

/** The backups and recovery objectives sections, when the inventory has any. */
export function operationsSections(context: DocsContext): string[] {
  const { backups, recoveryObjectives } = context.inventory;
  const withStatus = backups.some(job => job.status !== 'active');
  return [
    ...(backups.length
      ? [
          '## Backups',
          table(
            [
              'Job',
              ...(withStatus ? ['Status'] : []),
              'Kind',
              'Tool',
              'Backs up',
              'To',
              'Schedule',
              'Retention',
              'Description',
            ],
            backups.map(job => [
              context.titleOf(job),
              ...(withStatus ? [job.status] : []),
              job.kind,
              job.tool,
              job.sources.map(source => targetText(context, source)).join(', '),
              job.destination
                ? targetText(context, job.destination)
                : undefined,
              job.schedule ? `\`${job.schedule}\`` : undefined,
              retentionText(job.retention),
              job.description,
            ]),
          ),
        ]
      : []),
    ...(recoveryObjectives.length
      ? [
          '## Recovery objectives',
          table(
            ['Objective', 'RPO', 'RTO', 'Applies to', 'Description'],
            recoveryObjectives.map(objective => [
              context.titleOf(objective),
              objective.rpo,
              objective.rto,
              objective.appliesTo
                .map(target => targetText(context, target))
                .join(', '),
              objective.description,
            ]),
          ),
        ]
      : []),
  ];
}

/** The external services section, when the inventory has any. */
export function externalServicesSection(context: DocsContext): string[] {
  const services = context.inventory.externalServices;
  if (!services.length) return [];
  const withStatus = services.some(service => service.status !== 'active');
  return [
    '## External services',
    table(
      [
        'Service',
        ...(withStatus ? ['Status'] : []),
        'Category',
        'Provider',
        'URL',
        'Used by',
        'Description',
      ],
      services.map(service => [
        context.titleOf(service),
        ...(withStatus ? [service.status] : []),
        service.category,
        service.provider,
        service.url,
        (service.usedBy ?? [])
          .map(target => targetText(context, target))
          .join(', '),
        service.description,
      ]),
    ),
  ];
}
