import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CONDITION_KINDS, ConditionKind } from './HomelabCondition';

/** homelab.notifications (see config.d.ts), with its defaults. */
export interface NotificationSettings {
  enabled: boolean;
  /** The kinds of condition notified. */
  kinds: ReadonlySet<ConditionKind>;
  /** How long a source's data may be stale before its owner is told. */
  staleSourceAfterMs: number;
  /** A security score below this is a posture drop. */
  minimumPostureScore: number;
  /** Who is told of conditions without an entity of their own (SLO evaluation going stale). */
  defaultRecipient?: string;
}

const DEFAULT_STALE_SOURCE_MINUTES = 30;
const DEFAULT_MINIMUM_POSTURE_SCORE = 50;

function readKinds(config: Config): ConditionKind[] {
  const listed = config.getOptionalStringArray(
    'homelab.notifications.conditions',
  );
  if (!listed) return [...CONDITION_KINDS];
  const unknown = listed.filter(
    kind => !(CONDITION_KINDS as readonly string[]).includes(kind),
  );
  if (unknown.length > 0) {
    throw new Error(
      `homelab.notifications.conditions has unknown conditions ${unknown.join(
        ', ',
      )}; known are ${CONDITION_KINDS.join(', ')}`,
    );
  }
  return listed as ConditionKind[];
}

/** Reads homelab.notifications; off unless enabled. */
export function readNotificationSettings(config: Config): NotificationSettings {
  const notifications = config.getOptionalConfig('homelab.notifications');
  const recipient = notifications?.getOptionalString('defaultRecipient');
  return {
    enabled: notifications?.getOptionalBoolean('enabled') ?? false,
    kinds: new Set(readKinds(config)),
    staleSourceAfterMs:
      (notifications?.getOptionalNumber('staleSourceAfterMinutes') ??
        DEFAULT_STALE_SOURCE_MINUTES) * 60_000,
    minimumPostureScore:
      notifications?.getOptionalNumber('minimumPostureScore') ??
      DEFAULT_MINIMUM_POSTURE_SCORE,
    ...(recipient
      ? {
          defaultRecipient: stringifyEntityRef(
            parseEntityRef(recipient, { defaultKind: 'group' }),
          ),
        }
      : {}),
  };
}
