import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';

/**
 * The plugins' own schedulers in a test backend started with
 * skipTaskRunOnStartup: add `grab(pluginId)` to its features, and the test
 * runs that plugin's tasks one by one through `schedulers[pluginId]`.
 */
export function pluginSchedulers() {
  const schedulers: Record<string, SchedulerService> = {};
  const grab = (pluginId: string) =>
    createBackendModule({
      pluginId,
      moduleId: 'test-scheduler',
      register(env) {
        env.registerInit({
          deps: { scheduler: coreServices.scheduler },
          async init({ scheduler }) {
            schedulers[pluginId] = scheduler;
          },
        });
      },
    });
  return { schedulers, grab };
}
