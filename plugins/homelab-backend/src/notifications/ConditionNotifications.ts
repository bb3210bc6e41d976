import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BackupSet,
  Certificate,
  PostureSummary,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import { StoredSlo } from '../database/SloStore';
import { conditionChanges } from './conditionChanges';
import { ConditionNotifier } from './ConditionNotifier';
import { ConditionStore, NotifiedCondition } from './ConditionStore';
import {
  ConditionEvaluation,
  ConditionKind,
  HomelabCondition,
} from './HomelabCondition';
import { NotificationSettings } from './NotificationSettings';
import { postureConditions } from './postureConditions';
import { backupConditions, certificateConditions } from './recoveryConditions';
import { sloConditions } from './sloConditions';
import { staleSourceConditions } from './staleSourceConditions';

/** What conditions are judged on: the collectors' latest data, as the API serves it. */
interface ConditionInputs {
  slos(): Promise<StoredSlo[]>;
  postureSummaries(): Promise<PostureSummary[]>;
  /** Freshness with staleness applied (FreshnessReader). */
  freshness(): Promise<SourceFreshness[]>;
  /** Backup sets judged at the time, as GET /backups serves them. */
  backupSets(now: Date): Promise<BackupSet[]>;
  /** Certificates judged at the time, as GET /certificates serves them. */
  certificates(now: Date): Promise<Certificate[]>;
}

const SLO_KINDS: ConditionKind[] = ['slo-fast-burn', 'slo-slow-burn'];
const POSTURE_KINDS: ConditionKind[] = [
  'critical-vulnerabilities',
  'posture-drop',
];

/**
 * Evaluates the configured conditions on the latest collected data and
 * notifies each change once: a condition when it starts and when it gets
 * worse, and its recovery when it clears. What was notified is kept in the
 * database, so evaluations after every collection, on any replica, notify
 * a condition that keeps holding only once.
 */
export class ConditionNotifications {
  constructor(
    private readonly options: {
      settings: NotificationSettings;
      inputs: ConditionInputs;
      store: ConditionStore;
      notifier: ConditionNotifier;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** One evaluation; failures to notify are logged and retried at the next. */
  async evaluate(): Promise<void> {
    const { settings, store } = this.options;
    const now = this.options.now?.() ?? new Date();
    const evaluation = await this.judge(now);
    const notified = await store.notified();
    const changes = conditionChanges(evaluation, notified, settings.kinds);
    const before = new Map(notified.map(n => [n.key, n]));
    for (const condition of changes.raised) await this.raise(condition, now);
    for (const condition of changes.worsened) {
      await this.worsen(condition, before.get(condition.key)!);
    }
    for (const condition of changes.cleared) await this.clear(condition, now);
  }

  /** The conditions of the configured kinds, from the data they need only. */
  private async judge(now: Date): Promise<ConditionEvaluation> {
    const { settings, inputs } = this.options;
    const wanted = (kinds: ConditionKind[]) =>
      kinds.some(kind => settings.kinds.has(kind));
    const parts: ConditionEvaluation[] = [];
    if (wanted(SLO_KINDS)) parts.push(sloConditions(await inputs.slos()));
    if (wanted(POSTURE_KINDS)) {
      parts.push(
        postureConditions(await inputs.postureSummaries(), {
          minimumScore: settings.minimumPostureScore,
        }),
      );
    }
    if (wanted(['stale-source'])) {
      parts.push(
        staleSourceConditions(await inputs.freshness(), {
          staleAfterMs: settings.staleSourceAfterMs,
          now,
          defaultRecipient: settings.defaultRecipient,
        }),
      );
    }
    if (wanted(['backup-missed'])) {
      parts.push(backupConditions(await inputs.backupSets(now)));
    }
    if (wanted(['certificate-expiring'])) {
      parts.push(certificateConditions(await inputs.certificates(now)));
    }
    return {
      holding: parts
        .flatMap(part => part.holding)
        .filter(condition => settings.kinds.has(condition.kind)),
      undetermined: parts.flatMap(part => part.undetermined),
    };
  }

  private async raise(condition: HomelabCondition, now: Date) {
    const { store, notifier, logger } = this.options;
    if (!(await store.claimRaised(condition, now))) return;
    try {
      await notifier.raised(condition);
    } catch (error) {
      await store.forget(condition.key);
      logger.warn(
        `Could not notify ${condition.key}, trying again at the next evaluation: ${error}`,
      );
    }
  }

  private async worsen(condition: HomelabCondition, before: NotifiedCondition) {
    const { store, notifier, logger } = this.options;
    if (!(await store.claimWorsened(condition))) return;
    try {
      await notifier.raised(condition);
    } catch (error) {
      await store.restore(before);
      logger.warn(
        `Could not notify that ${condition.key} got worse, trying again at the next evaluation: ${error}`,
      );
    }
  }

  private async clear(notified: NotifiedCondition, now: Date) {
    const { store, notifier, logger } = this.options;
    if (!(await store.claimCleared(notified.key))) return;
    try {
      await notifier.cleared(notified, now);
    } catch (error) {
      await store.restore(notified);
      logger.warn(
        `Could not notify that ${notified.key} cleared, trying again at the next evaluation: ${error}`,
      );
    }
  }
}
