import { ConfigReader } from '@backstage/config';
import { readNotificationSettings } from './NotificationSettings';

describe('readNotificationSettings', () => {
  it('is off with every condition and the documented thresholds by default', () => {
    const settings = readNotificationSettings(new ConfigReader({}));
    expect(settings).toEqual({
      enabled: false,
      kinds: new Set([
        'slo-fast-burn',
        'slo-slow-burn',
        'critical-vulnerabilities',
        'posture-drop',
        'stale-source',
        'backup-missed',
        'certificate-expiring',
      ]),
      staleSourceAfterMs: 1_800_000,
      minimumPostureScore: 50,
    });
  });

  it('reads the conditions, thresholds and default recipient, a group unless it says otherwise', () => {
    const settings = readNotificationSettings(
      new ConfigReader({
        homelab: {
          notifications: {
            enabled: true,
            conditions: ['slo-fast-burn'],
            staleSourceAfterMinutes: 10,
            minimumPostureScore: 70,
            defaultRecipient: 'homelab-admins',
          },
        },
      }),
    );
    expect(settings).toEqual({
      enabled: true,
      kinds: new Set(['slo-fast-burn']),
      staleSourceAfterMs: 600_000,
      minimumPostureScore: 70,
      defaultRecipient: 'group:default/homelab-admins',
    });
  });

  it('refuses a condition it does not know', () => {
    expect(() =>
      readNotificationSettings(
        new ConfigReader({
          homelab: { notifications: { conditions: ['slo-burn'] } },
        }),
      ),
    ).toThrow(/unknown conditions slo-burn; known are slo-fast-burn/);
  });
});
