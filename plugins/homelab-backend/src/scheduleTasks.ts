import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { COLLECTOR_SOURCES } from './collectors/collectorSources';
import { Collectors } from './collectors/createCollectors';
import { HomelabBackendConfig } from './config';
import { HomelabStore } from './database/HomelabStore';

const DAY_MS = 86_400_000;

/**
 * Puts the collectors, each followed by afterCollection, and the pruning of
 * history on the scheduler. Every task is global, whatever the configured
 * schedule says: replicas must never collect twice.
 */
export async function scheduleTasks(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  config: HomelabBackendConfig;
  collectors: Collectors;
  store: HomelabStore;
  /** Runs after each collection: the notifications' evaluation, when enabled. */
  afterCollection?: () => Promise<void>;
}): Promise<void> {
  const { scheduler, logger, config, collectors, store, afterCollection } =
    options;
  for (const source of COLLECTOR_SOURCES) {
    const collect = collectors[source];
    if (!collect) continue;
    await scheduler.scheduleTask({
      id: `homelab-collect-${source}`,
      ...config.collectors[source].schedule,
      scope: 'global',
      fn: async signal => {
        await collect(signal);
        await afterCollection?.();
      },
    });
  }
  if (!collectors.slo) {
    logger.info('homelab.prometheus is not configured; SLOs are not evaluated');
  }

  await scheduler.scheduleTask({
    id: 'homelab-prune-history',
    scope: 'global',
    frequency: { hours: 24 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 5 },
    fn: async () => {
      const before = new Date(Date.now() - config.retentionDays * DAY_MS);
      await store.posture.prune(before);
      await store.slos.prune(before);
      await store.collections.prune(before);
    },
  });
}
