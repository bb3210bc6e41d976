import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * How a gate counts: a required gate that fails or cannot decide stops the
 * promotion; an advisory one is reported; an off one is not asked.
 *
 * @public
 */
export type GateMode = 'required' | 'advisory' | 'off';

/**
 * A time when promotions to an environment are refused: a date range, or a
 * weekly window in a time zone.
 *
 * @public
 */
export interface FreezeWindow {
  /** The target environment frozen. */
  environment: string;
  /** Said in the verdict. */
  reason: string;
  /** A date range (ISO 8601 instants, `to` excluded). */
  from?: string;
  /** End of the range, excluded. */
  to?: string;
  /** Or every week: these days, between these local times. */
  weekly?: {
    days: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;
    from: string;
    to: string;
    timeZone: string;
  };
}

/**
 * The gates of a promotion, from homelab.promotion.
 *
 * @public
 */
export interface PromotionGateSettings {
  /** The source is Ready on the promoted version. */
  fluxReady: GateMode;
  /** No critical vulnerability the target does not have. */
  criticalVulnerabilities: GateMode;
  /** Every SLO of the app keeps enough error budget. */
  errorBudget: GateMode;
  /** The share of error budget (0-1) that must remain. */
  minimumErrorBudget: number;
  /** The source has been Ready long enough. */
  soakTime: GateMode;
  /** How long, in hours. */
  minimumSoakHours: number;
  /** No freeze window of the target is in force. */
  freezeWindows: GateMode;
  /** The freeze windows. */
  freezes: FreezeWindow[];
  /** The target's data has a backup within its objective (or its schedule). */
  recentBackup: GateMode;
}

const MODES: GateMode[] = ['required', 'advisory', 'off'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function readFreeze(config: Config, at: string): FreezeWindow {
  const environment = config.getString('environment');
  const reason = config.getOptionalString('reason') ?? 'freeze window';
  const weekly = config.getOptionalConfig('weekly');
  if (weekly) {
    const days = weekly.getStringArray('days');
    const bad = days.filter(d => !DAYS.includes(d));
    const from = weekly.getString('from');
    const to = weekly.getString('to');
    const timeZone = weekly.getOptionalString('timeZone') ?? 'UTC';
    if (bad.length)
      throw new InputError(
        `${at}.weekly.days: ${bad.join(', ')} is not one of ${DAYS.join(', ')}`,
      );
    if (!TIME.test(from) || !TIME.test(to))
      throw new InputError(`${at}.weekly: from and to are times like 16:00`);
    try {
      Intl.DateTimeFormat('en-GB', { timeZone }).format(0);
    } catch {
      throw new InputError(
        `${at}.weekly.timeZone: ${timeZone} is not a time zone (like Europe/Stockholm)`,
      );
    }
    type Day = NonNullable<FreezeWindow['weekly']>['days'][number];
    return {
      environment,
      reason,
      weekly: { days: days as Day[], from, to, timeZone },
    };
  }
  const from = config.getString('from');
  const to = config.getString('to');
  if (
    Number.isNaN(Date.parse(from)) ||
    Number.isNaN(Date.parse(to)) ||
    Date.parse(from) >= Date.parse(to)
  ) {
    throw new InputError(
      `${at}: from and to are instants like 2026-12-20T00:00:00Z, from before to`,
    );
  }
  return { environment, reason, from, to };
}

/**
 * Reads homelab.promotion: each gate's mode and threshold, and the freeze
 * windows. Invalid settings are refused at start-up with the key at fault.
 *
 * @public
 */
export function readGateSettings(config: Config): PromotionGateSettings {
  const promotion = config.getOptionalConfig('homelab.promotion');
  const gates = promotion?.getOptionalConfig('gates');
  const mode = (key: string, fallback: GateMode): GateMode => {
    const value = gates?.getOptionalString(key) ?? fallback;
    if (!MODES.includes(value as GateMode)) {
      throw new InputError(
        `homelab.promotion.gates.${key} must be one of ${MODES.join(
          ', ',
        )}, not ${value}`,
      );
    }
    return value as GateMode;
  };
  const share = gates?.getOptionalNumber('minimumErrorBudget') ?? 0.25;
  if (share < 0 || share > 1) {
    throw new InputError(
      'homelab.promotion.gates.minimumErrorBudget is a share between 0 and 1',
    );
  }
  const hours = gates?.getOptionalNumber('minimumSoakHours') ?? 24;
  if (hours < 0)
    throw new InputError(
      'homelab.promotion.gates.minimumSoakHours cannot be negative',
    );
  return {
    fluxReady: mode('fluxReady', 'required'),
    criticalVulnerabilities: mode('criticalVulnerabilities', 'required'),
    errorBudget: mode('errorBudget', 'advisory'),
    minimumErrorBudget: share,
    soakTime: mode('soakTime', 'advisory'),
    minimumSoakHours: hours,
    freezeWindows: mode('freezeWindows', 'required'),
    recentBackup: mode('recentBackup', 'off'),
    freezes: (promotion?.getOptionalConfigArray('freezes') ?? []).map((c, i) =>
      readFreeze(c, `homelab.promotion.freezes[${i}]`),
    ),
  };
}
