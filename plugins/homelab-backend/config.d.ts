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
