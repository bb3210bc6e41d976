import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  homelab?: {
    /**
     * The homelab backend's collectors. Each runs on the Backstage scheduler
     * once per interval across all backend replicas against every cluster of
     * homelab.clusters at once. Their scope is always global; a scope in these
     * schedules is ignored. A run that reaches its schedule's timeout, or
     * whose backend stops, is stopped and recorded as interrupted.
     */
    collectors?: {
      /**
       * Periods of its schedule after which a source's data is served as
       * stale when no collection has succeeded since, whatever the reason.
       * Default 2: data collected every 2 minutes is stale once older than 4.
       * Sources on a cron or manual schedule have no period and do not age.
       */
      staleAfterPeriods?: number;
      /** Namespaces, workloads and load-balancer addresses. Default: every 5 minutes. */
      workloads?: { schedule?: SchedulerServiceTaskScheduleDefinitionConfig };
      /** Flux sources, Kustomizations and HelmReleases. Default: every 2 minutes. */
      flux?: { schedule?: SchedulerServiceTaskScheduleDefinitionConfig };
      /** Trivy Operator, Polaris and policy reports. Default: every 30 minutes. */
      security?: {
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Where the Polaris audit is read. By default the dashboard's
         * results.json through each cluster's API server proxy, from the
         * service the Polaris Helm chart creates (polaris/polaris-dashboard).
         */
        polaris?: {
          /** Namespace of the dashboard service. Default "polaris". */
          namespace?: string;
          /** Name of the dashboard service. Default "polaris-dashboard". */
          service?: string;
          /** Port name or number of the service; its only port by default. */
          port?: string | number;
          /** Path of the audit on the dashboard. Default "results.json". */
          path?: string;
          /**
           * Per cluster name: a URL of the audit JSON to read instead, such
           * as a dashboard behind an ingress.
           * @visibility secret
           */
          urls?: { [cluster: string]: string };
        };
      };
      /** SLO evaluation against homelab.prometheus. Default: every 2 minutes. */
      slo?: { schedule?: SchedulerServiceTaskScheduleDefinitionConfig };
      /**
       * Velero Schedules and Backups (velero.io/v1), Longhorn Backups and
       * RecurringJobs (longhorn.io/v1beta2) and k3s ETCDSnapshotFiles
       * (k3s.cattle.io/v1). Default: every 10 minutes.
       */
      backups?: { schedule?: SchedulerServiceTaskScheduleDefinitionConfig };
      /** cert-manager Certificates (cert-manager.io/v1). Default: every 10 minutes. */
      certificates?: {
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };

    /** How certificates are judged (GET /certificates). */
    certificates?: {
      /**
       * Days before a certificate's notAfter from which it is served as
       * expiring. Default 14.
       * @visibility backend
       */
      expiringDays?: number;
    };

    /** SLO definitions besides Sloth and Pyrra objects in the clusters and entity annotations. */
    slos?: {
      /** OpenSLO v1 files on the backend's disk, relative to its working directory. */
      files?: string[];
      /**
       * Events a window needs before its error ratio is judged: an SLO whose
       * SLI counts events has no burn rate in a window with fewer, and is
       * "not enough data" over a period with fewer, rather than burning its
       * budget on one failure of a handful of requests. Default 0: every
       * window is judged.
       */
      minimumEvents?: number;
    };

    /**
     * Notifications of homelab conditions through Backstage's notifications
     * (the portal needs @backstage/plugin-notifications-backend and
     * -signals-backend). Each is sent to the members of the group that owns
     * the entity concerned, once when the condition starts (again when
     * critical vulnerabilities grow in number), and once when it clears,
     * replacing the first in the list. Conditions are evaluated after every
     * collection; which were notified is kept in the database, shared by all
     * replicas.
     */
    notifications?: {
      /** Default false: nothing is evaluated or sent. */
      enabled?: boolean;
      /**
       * The conditions notified. Default: all of slo-fast-burn (a page
       * alert of an SLO's burn rates fires), slo-slow-burn (a ticket alert
       * fires, no page), critical-vulnerabilities (an app has critical
       * vulnerabilities on a cluster), posture-drop (an app's or cluster's
       * security score is below minimumPostureScore), stale-source (a
       * collector's data is stale for longer than staleSourceAfterMinutes),
       * backup-missed (a backup set failed, missed its schedule, is older
       * than its RPO or never succeeded), certificate-expiring (a
       * certificate expires within homelab.certificates.expiringDays, has
       * expired or is not ready).
       */
      conditions?: Array<
        | 'slo-fast-burn'
        | 'slo-slow-burn'
        | 'critical-vulnerabilities'
        | 'posture-drop'
        | 'stale-source'
        | 'backup-missed'
        | 'certificate-expiring'
      >;
      /** Minutes a source's data may be stale before it is notified. Default 30. */
      staleSourceAfterMinutes?: number;
      /** Security score (0-100) under which posture-drop holds. Default 50. */
      minimumPostureScore?: number;
      /**
       * Entity reference (a group by default) told of conditions that
       * concern no entity: SLO evaluation, which is not per cluster, going
       * stale. Without it those are not notified.
       */
      defaultRecipient?: string;
    };

    /**
     * Power: each device's draw from a Prometheus query (measured), else the
     * inventory's power figures (estimated), else "not measured"; energy
     * over the last day and 30 days, its cost, and shares apportioned to
     * virtual machines, nodes, clusters and apps by CPU use. Queries go to
     * homelab.prometheus.
     */
    power?: {
      /**
       * Measured sources, each for one device or a group of devices. The
       * query answers watts (several series are summed); for a group it
       * takes each device's inventory name in {{device}}. Examples: a Shelly
       * plug `shelly_power_watts{device="{{device}}"}`; a BMC through the
       * IPMI exporter `ipmi_dcmi_power_consumption_watts{instance="..."}`; a
       * UPS through nut_exporter `network_ups_tools_ups_load{ups="..."} / 100
       * * network_ups_tools_ups_realpower_nominal{ups="..."}`. A device
       * measured this way includes what sits inside it (the modules of a
       * board behind one plug), which get shares of its draw.
       */
      sources?: Array<{
        /** Inventory name of the device. */
        device?: string;
        /** Inventory names of the devices the query is asked for, one at a time. */
        devices?: string[];
        /** PromQL answering watts. */
        query: string;
      }>;
      /** What energy costs. Without it, energy is given without cost. */
      tariff?: {
        /** Currency code shown with costs, like EUR. */
        currency: string;
        /** Price per kWh outside every period: the only price of a flat tariff. */
        pricePerKWh: number;
        /** IANA time zone of the periods. Default UTC. */
        timeZone?: string;
        /**
         * Time-of-use periods, the first that covers a moment sets its price.
         * Times are HH:MM on a quarter hour; a period may cross midnight
         * (22:00 to 06:00) and end at 24:00.
         */
        periods?: Array<{
          name: string;
          from: string;
          to: string;
          /** Days the period starts on (mon, tue, ...); every day when absent. */
          days?: string[];
          pricePerKWh: number;
        }>;
      };
      /** The CPU use power is apportioned by; {{window}} takes 1d or 30d. */
      cpuUsage?: {
        /**
         * Cores per node, namespace and pod. Default: cAdvisor's
         * container_cpu_usage_seconds_total rate by node, namespace and pod.
         * A cluster label, when the query keeps one, tells clusters' nodes apart.
         */
        pods?: string;
        /**
         * Cores per Proxmox VE guest, labelled id="qemu/<vmid>". Default:
         * prometheus-pve-exporter's pve_cpu_usage_ratio times pve_cpu_usage_limit.
         */
        guests?: string;
      };
    };

    /** History of posture summaries, SLO evaluations and collection runs. */
    history?: {
      /** Days kept. Default 90. */
      retentionDays?: number;
    };

    /** The REST API's topology graph and catalog model. */
    api?: {
      /** Seconds a built topology is served before it is rebuilt in the background. Default 30. */
      cacheSeconds?: number;
    };
  };
}
