import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import path from 'node:path';
import {
  EXAMPLE_PROMETHEUS_DIR,
  EXAMPLE_SLO_SETTINGS,
  EXAMPLES_DIR,
  exampleEntities,
} from '../example/__testUtils__/exampleHomelab';
import homelabPlugin from '../index';

jest.setTimeout(60_000);

/*
 * The plugin as the portal runs it, on the example homelab's recorded
 * Prometheus answers (examples/prometheus), where Vaultwarden's SLO burns
 * its budget slowly: the SLO collection on the scheduler is followed by the
 * evaluation, which sends through the notification service the portal's
 * notifications backend provides.
 */
describe('notifications after the scheduled collections', () => {
  it("notifies Vaultwarden's slow burn once across three SLO collections", async () => {
    const sent: NotificationSendOptions[] = [];
    let scheduler: SchedulerService | undefined;
    await startTestBackend({
      features: [
        homelabPlugin,
        catalogServiceMock.factory({ entities: await exampleEntities() }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            async send(options: NotificationSendOptions) {
              sent.push(options);
            },
          }),
        }),
        createBackendModule({
          pluginId: 'homelab',
          moduleId: 'test-scheduler',
          register(env) {
            env.registerInit({
              deps: { pluginScheduler: coreServices.scheduler },
              async init({ pluginScheduler }) {
                scheduler = pluginScheduler;
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            homelab: {
              // The SLOs Sloth and Pyrra define in the clusters.
              clusters: ['production', 'staging'].map(name => ({
                name,
                snapshotDirectory: path.join(EXAMPLES_DIR, 'snapshots', name),
              })),
              prometheus: { snapshotDirectory: EXAMPLE_PROMETHEUS_DIR },
              slos: EXAMPLE_SLO_SETTINGS,
              notifications: {
                enabled: true,
                conditions: ['slo-fast-burn', 'slo-slow-burn'],
              },
            },
          },
        }),
      ],
    });

    for (let run = 0; run < 3; run++) {
      await scheduler!.triggerTask('homelab-collect-slo');
    }
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: 'component:default/vaultwarden',
        },
        payload: expect.objectContaining({
          title:
            'SLO Vaultwarden availability burns its error budget slowly (ticket)',
          severity: 'normal',
          scope: expect.stringMatching(/^homelab:slo-slow-burn:/),
          link: '/catalog/default/component/vaultwarden',
        }),
      },
    ]);
  });
});
