import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** The collectors that can be scheduled. */
export type CollectorName = 'workloads' | 'flux' | 'security' | 'slo';

/**
 * Default schedules. Workloads go first, so that the first security
 * collection finds the Deployments behind the ReplicaSets Trivy reports on.
 */
const DEFAULT_SCHEDULES: Record<
  CollectorName,
  SchedulerServiceTaskScheduleDefinition
> = {
  workloads: {
    frequency: { minutes: 5 },
    timeout: { minutes: 4 },
    initialDelay: { seconds: 5 },
  },
  flux: {
    frequency: { minutes: 2 },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 10 },
  },
  security: {
    frequency: { minutes: 30 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 20 },
  },
  slo: {
    frequency: { minutes: 2 },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 15 },
  },
};

/** The schedule of a collector: homelab.collectors.<name>.schedule, or its default. */
export function collectorSchedule(
  config: Config,
  name: CollectorName,
): SchedulerServiceTaskScheduleDefinition {
  const key = `homelab.collectors.${name}.schedule`;
  return config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : DEFAULT_SCHEDULES[name];
}
