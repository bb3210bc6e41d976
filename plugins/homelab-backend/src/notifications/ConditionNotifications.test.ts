import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { Certificate } from '@homelab/plugin-homelab-common';
import { Knex } from 'knex';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import { StoredSlo } from '../database/SloStore';
import { BackstageConditionNotifier } from './BackstageConditionNotifier';
import { ConditionNotifications } from './ConditionNotifications';
import { DatabaseConditionStore } from './DatabaseConditionStore';
import { CONDITION_KINDS } from './HomelabCondition';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const definition = {
  id: 'nextcloud-availability',
  name: 'nextcloud-availability',
  objective: 0.999,
  periodSeconds: 2_592_000,
  source: 'openslo' as const,
  origin: 'nextcloud.slo.yaml',
  errorRatioQuery: '(x)',
  entityRef: 'component:default/nextcloud',
};

const ALERT = { true: 'page', false: 'none', 'no data': null } as const;

/** The SLO as one SLO collection stores it: burning fast (5% errors), or recovered. */
const evaluated = (burning: boolean | 'no data'): StoredSlo => ({
  definition,
  status: {
    state: burning === true ? 'breaching' : 'ok',
    sli: burning === 'no data' ? null : 0.9995,
    errorBudgetRemaining: burning === 'no data' ? null : 0.4,
    burnRates: [
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        budgetFraction: 0.02,
        threshold: 14.4,
        longBurnRate: burning === true ? 50 : 0.5,
        shortBurnRate: burning === true ? 48 : 0.5,
        firing: burning === true,
      },
    ],
    alert: ALERT[`${burning}`],
  },
});

/** The notifications service of the portal, as far as the homelab uses it: what was sent. */
class SentNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  async send(options: NotificationSendOptions) {
    this.sent.push(options);
  }
}

describe.each(databases.eachSupportedId())(
  'condition notifications on %p',
  databaseId => {
    let knex: Knex;
    let store: DatabaseHomelabStore;
    let notifications: SentNotifications;
    let minute: number;
    let certificates: Certificate[];

    /** A replica's evaluation after a collection, on the shared database. */
    const replica = () =>
      new ConditionNotifications({
        settings: {
          enabled: true,
          kinds: new Set(CONDITION_KINDS),
          staleSourceAfterMs: 30 * 60_000,
          minimumPostureScore: 50,
        },
        inputs: {
          slos: () => store.slos.slos(),
          postureSummaries: () => store.posture.latestSummaries(),
          freshness: async () => [],
          backupSets: async () => [],
          certificates: async () => certificates,
        },
        store: new DatabaseConditionStore(knex),
        notifier: new BackstageConditionNotifier(notifications),
        logger: mockServices.logger.mock(),
        now: () => new Date(Date.UTC(2026, 11, 2, 12, minute)),
      });

    /** One SLO collection followed by the evaluation, as the scheduler runs them. */
    const collect = async (burning: boolean | 'no data') => {
      minute += 2;
      await store.slos.replaceSlos(
        [evaluated(burning)],
        new Date(Date.UTC(2026, 11, 2, 12, minute)),
      );
      await replica().evaluate();
    };

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseHomelabStore.create(
        mockServices.database({ knex }),
      );
      notifications = new SentNotifications();
      minute = 0;
      certificates = [];
    });

    it('notifies a fast-burning SLO once across three collections and clears it when it recovers', async () => {
      await collect(true);
      await collect(true);
      await collect(true);
      expect(notifications.sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: 'component:default/nextcloud',
          },
          payload: {
            title:
              'SLO nextcloud-availability burns its error budget fast (page)',
            description:
              'Objective 99.9%: burn rate 50.0x over 1h and 48.0x over 5m (alert at 14.4x); 40.0% of the error budget left.',
            link: '/catalog/default/component/nextcloud',
            severity: 'high',
            topic: 'homelab:slo-fast-burn',
            scope: 'homelab:slo-fast-burn:nextcloud-availability',
          },
        },
      ]);

      await collect(false);
      await collect(false);
      expect(notifications.sent).toHaveLength(2);
      expect(notifications.sent[1]).toEqual({
        recipients: {
          type: 'entity',
          entityRef: 'component:default/nextcloud',
        },
        payload: {
          title:
            'Recovered: SLO nextcloud-availability burns its error budget fast (page)',
          description:
            'No longer holds as of 2026-12-02T12:08:00.000Z; it started 2026-12-02T12:02:00.000Z.',
          link: '/catalog/default/component/nextcloud',
          severity: 'low',
          topic: 'homelab:slo-fast-burn',
          // The scope of the page: the recovery replaces it in the list.
          scope: 'homelab:slo-fast-burn:nextcloud-availability',
        },
      });
      expect(await new DatabaseConditionStore(knex).notified()).toEqual([]);

      // Burning again is a new condition, notified again.
      await collect(true);
      expect(notifications.sent).toHaveLength(3);
      expect(notifications.sent[2].payload.severity).toBe('high');
    });

    it('neither clears nor repeats a burning SLO while it has no data', async () => {
      await collect(true);
      await collect('no data');
      await collect('no data');
      expect(notifications.sent).toHaveLength(1);
      await collect(true);
      expect(notifications.sent).toHaveLength(1);
    });

    it('notifies once when replicas evaluate at the same time', async () => {
      await store.slos.replaceSlos([evaluated(true)], new Date());
      await Promise.all([1, 2, 3].map(() => replica().evaluate()));
      expect(notifications.sent).toHaveLength(1);

      await store.slos.replaceSlos([evaluated(false)], new Date());
      await Promise.all([1, 2, 3].map(() => replica().evaluate()));
      expect(notifications.sent.map(n => n.payload.severity)).toEqual([
        'high',
        'low',
      ]);
    });

    it('raises a condition again at the next evaluation when sending it failed', async () => {
      const send = jest
        .spyOn(notifications, 'send')
        .mockRejectedValueOnce(new Error('notifications backend down'));
      await collect(true);
      expect(send).toHaveBeenCalledTimes(1);
      await collect(true);
      await collect(true);
      expect(send).toHaveBeenCalledTimes(2);
      expect(await new DatabaseConditionStore(knex).notified()).toHaveLength(1);
    });

    it('notifies an expiring certificate again when it expires, and its renewal once', async () => {
      const certificate = (state: Certificate['state']): Certificate => ({
        id: 'production/vaultwarden/vaultwarden-tls',
        cluster: 'production',
        namespace: 'vaultwarden',
        name: 'vaultwarden-tls',
        entityRef: 'component:default/vaultwarden',
        dnsNames: ['vault.hallonen.lan'],
        ready: state === 'valid' ? 'True' : 'False',
        state,
        reason: state,
      });
      for (const state of [
        'expiring',
        'expiring',
        'expired',
        'expired',
      ] as const) {
        certificates = [certificate(state)];
        await replica().evaluate();
      }
      certificates = [certificate('valid')];
      await replica().evaluate();
      expect(
        notifications.sent.map(n => [n.payload.severity, n.payload.title]),
      ).toEqual([
        [
          'normal',
          'Certificate vaultwarden/vaultwarden-tls on cluster production expires soon',
        ],
        [
          'high',
          'Certificate vaultwarden/vaultwarden-tls on cluster production expired',
        ],
        [
          'low',
          'Recovered: Certificate vaultwarden/vaultwarden-tls on cluster production expired',
        ],
      ]);
      expect(new Set(notifications.sent.map(n => n.payload.scope))).toEqual(
        new Set([
          'homelab:certificate-expiring:production/vaultwarden/vaultwarden-tls',
        ]),
      );
    });
  },
);
