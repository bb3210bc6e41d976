import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { HomelabBackendConfig } from '../config';
import { HomelabStore } from '../database/HomelabStore';
import { FreshnessReader } from '../service/FreshnessReader';
import { BackstageConditionNotifier } from './BackstageConditionNotifier';
import { ConditionNotifications } from './ConditionNotifications';
import { DatabaseConditionStore } from './DatabaseConditionStore';
import { readNotificationSettings } from './NotificationSettings';

/**
 * The evaluation of homelab.notifications to run after each collection, or
 * undefined when notifications are not enabled. It never throws: a failed
 * evaluation is logged, and the next collection's evaluates again.
 * The plugin's store must be created first: it migrates the table used here.
 */
export async function createConditionNotifications(options: {
  rootConfig: Config;
  config: HomelabBackendConfig;
  database: DatabaseService;
  store: HomelabStore;
  notifications: NotificationService;
  logger: LoggerService;
}): Promise<(() => Promise<void>) | undefined> {
  const settings = readNotificationSettings(options.rootConfig);
  if (!settings.enabled) return undefined;
  const { store, logger } = options;
  const freshness = new FreshnessReader(
    store.collections,
    options.config.collectors,
  );
  const conditions = new ConditionNotifications({
    settings,
    inputs: {
      slos: () => store.slos.slos(),
      postureSummaries: () => store.posture.latestSummaries(),
      freshness: () => freshness.read(),
    },
    store: new DatabaseConditionStore(await options.database.getClient()),
    notifier: new BackstageConditionNotifier(options.notifications),
    logger,
  });
  return async () => {
    try {
      await conditions.evaluate();
    } catch (error) {
      logger.warn(`Homelab notifications were not evaluated: ${error}`);
    }
  };
}
