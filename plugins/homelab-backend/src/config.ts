import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  HomelabRepository,
  PromotionGateSettings,
  readGateSettings,
  readGitopsEnvironments,
  readHomelabRepository,
  ServiceProxyTarget,
} from '@homelab/plugin-homelab-node';
import {
  COLLECTOR_SOURCES,
  CollectorSource,
} from './collectors/collectorSources';
import { PowerSettings, readPowerSettings } from './power/PowerSettings';

/** Where each cluster's Polaris audit is read. */
export interface PolarisLocation {
  /** The dashboard's audit, read through the cluster's API server proxy. */
  dashboard: ServiceProxyTarget;
  /** Per cluster name, a URL of the audit to read instead of the dashboard. */
  urls: ReadonlyMap<string, string>;
}

/** How one collector runs. */
export interface CollectorSettings {
  /** homelab.collectors.<source>.schedule, or its default. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** How long one run may take: the schedule's timeout. */
  timeoutMs: number;
  /**
   * How long the source's data is served as fresh without a successful
   * collection: staleAfterPeriods periods of its schedule. Undefined for a
   * cron or manual schedule, which has no fixed period.
   */
  staleAfterMs?: number;
}

/** The homelab backend's own configuration (see config.d.ts), read once at start. */
export interface HomelabBackendConfig {
  collectors: Record<CollectorSource, CollectorSettings>;
  /** What the promotion preview reads: the GitOps repository, its environments and the gates. */
  promotion: PromotionSettings;
  polaris: PolarisLocation;
  /** OpenSLO files on the backend's disk. */
  sloFiles: string[];
  /** Events a window needs before an SLO is judged in it (homelab.slos.minimumEvents). */
  sloMinimumEvents: number;
  /** Days of history kept. */
  retentionDays: number;
  /** How long a built topology or homelab model is served before it is rebuilt. */
  cacheTtlMs: number;
  /** Measured sources, tariff and CPU use queries of the power report (homelab.power). */
  power: PowerSettings;
  /** Days before notAfter from which a certificate is expiring (homelab.certificates.expiringDays). */
  certificateExpiringDays: number;
}

/**
 * Default schedules. Workloads go first, so that the first security
 * collection finds the Deployments behind the ReplicaSets Trivy reports on.
 */
const DEFAULT_SCHEDULES: Record<
  CollectorSource,
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
  // After the workloads, which say which app owns each namespace.
  backups: {
    frequency: { minutes: 10 },
    timeout: { minutes: 3 },
    initialDelay: { seconds: 25 },
  },
  certificates: {
    frequency: { minutes: 10 },
    timeout: { minutes: 3 },
    initialDelay: { seconds: 25 },
  },
};

/** The Polaris dashboard as its Helm chart installs it. */
const DEFAULT_POLARIS_DASHBOARD: ServiceProxyTarget = {
  namespace: 'polaris',
  service: 'polaris-dashboard',
  path: 'results.json',
};

const DEFAULT_STALE_AFTER_PERIODS = 2;
const DEFAULT_RETENTION_DAYS = 90;
const DEFAULT_CACHE_SECONDS = 30;
const DEFAULT_CERTIFICATE_EXPIRING_DAYS = 14;

function readSchedule(
  config: Config,
  source: CollectorSource,
): SchedulerServiceTaskScheduleDefinition {
  const key = `homelab.collectors.${source}.schedule`;
  return config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : DEFAULT_SCHEDULES[source];
}

type ScheduleDuration = SchedulerServiceTaskScheduleDefinition['timeout'];

/** Milliseconds of a schedule's duration, a luxon Duration or a HumanDuration. */
const durationMs = (duration: ScheduleDuration) =>
  'toMillis' in duration
    ? duration.toMillis()
    : durationToMilliseconds(duration);

function readCollectorSettings(
  config: Config,
  source: CollectorSource,
): CollectorSettings {
  const schedule = readSchedule(config, source);
  const stalePeriods =
    config.getOptionalNumber('homelab.collectors.staleAfterPeriods') ??
    DEFAULT_STALE_AFTER_PERIODS;
  const { frequency } = schedule;
  const fixedPeriod = !('cron' in frequency) && !('trigger' in frequency);
  return {
    schedule,
    timeoutMs: durationMs(schedule.timeout),
    ...(fixedPeriod
      ? { staleAfterMs: durationMs(frequency) * stalePeriods }
      : {}),
  };
}

function readPolarisLocation(config: Config): PolarisLocation {
  const polaris = config.getOptionalConfig(
    'homelab.collectors.security.polaris',
  );
  const urls = polaris?.getOptionalConfig('urls');
  return {
    dashboard: {
      namespace:
        polaris?.getOptionalString('namespace') ??
        DEFAULT_POLARIS_DASHBOARD.namespace,
      service:
        polaris?.getOptionalString('service') ??
        DEFAULT_POLARIS_DASHBOARD.service,
      port: polaris?.getOptional<string | number>('port'),
      path:
        polaris?.getOptionalString('path') ?? DEFAULT_POLARIS_DASHBOARD.path,
    },
    urls: new Map(
      (urls?.keys() ?? []).map(cluster => [cluster, urls!.getString(cluster)]),
    ),
  };
}

/** homelab.repositories.gitops, homelab.gitops and homelab.promotion, as the promotion preview reads them. */
export interface PromotionSettings {
  /** Undefined when no GitOps repository is configured: there is nothing to preview. */
  repository?: HomelabRepository;
  environments?: Record<string, string>;
  gates: PromotionGateSettings;
}

/** Reads the plugin's configuration, with the defaults config.d.ts documents. */
export function readHomelabBackendConfig(config: Config): HomelabBackendConfig {
  return {
    collectors: Object.fromEntries(
      COLLECTOR_SOURCES.map(source => [
        source,
        readCollectorSettings(config, source),
      ]),
    ) as HomelabBackendConfig['collectors'],
    polaris: readPolarisLocation(config),
    promotion: {
      repository: readHomelabRepository(config, 'gitops'),
      environments: readGitopsEnvironments(config),
      gates: readGateSettings(config),
    },
    sloFiles: config.getOptionalStringArray('homelab.slos.files') ?? [],
    sloMinimumEvents:
      config.getOptionalNumber('homelab.slos.minimumEvents') ?? 0,
    retentionDays:
      config.getOptionalNumber('homelab.history.retentionDays') ??
      DEFAULT_RETENTION_DAYS,
    cacheTtlMs:
      (config.getOptionalNumber('homelab.api.cacheSeconds') ??
        DEFAULT_CACHE_SECONDS) * 1000,
    power: readPowerSettings(config),
    certificateExpiringDays:
      config.getOptionalNumber('homelab.certificates.expiringDays') ??
      DEFAULT_CERTIFICATE_EXPIRING_DAYS,
  };
}
