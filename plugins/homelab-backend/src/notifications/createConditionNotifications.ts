import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { HomelabStore } from '../database/HomelabStore';
import { SharedViews } from '../service/sharedViews';
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
  database: DatabaseService;
  store: HomelabStore;
  /** The freshness and the judged backups and certificates the API serves. */
  shared: Pick<SharedViews, 'freshness' | 'recovery'>;
  notifications: NotificationService;
  logger: LoggerService;
}): Promise<(() => Promise<void>) | undefined> {
  const settings = readNotificationSettings(options.rootConfig);
  if (!settings.enabled) return undefined;
  const { store, logger } = options;
  const { freshness, recovery } = options.shared;
  const conditions = new ConditionNotifications({
    settings,
    inputs: {
      slos: () => store.slos.slos(),
      postureSummaries: () => store.posture.latestSummaries(),
      freshness: () => freshness.read(),
      backupSets: async now =>
        recovery.backupSets({}, await freshness.read(['backups']), now),
      certificates: async now =>
        recovery.certificates({}, await freshness.read(['certificates']), now),
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
