import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  homelab?: {
    inventory?: {
      /**
       * Inventories to ingest, one per site. Each is read, validated and
       * merged with live cluster facts on every run; an invalid inventory
       * leaves that site's entities as they were and reports its problems.
       */
      locations: Array<{
        /**
         * Stable name of this inventory; part of the entity provider's name.
         * Defaults to "default" for a single location.
         */
        name?: string;
        /**
         * A YAML file or folder on the backend's disk (relative to the
         * backend's working directory), or a URL any configured integration
         * can read, such as a GitHub folder.
         */
        target: string;
      }>;
      /** How often inventories are refreshed. Default: every 5 minutes, 3 minute timeout. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Largest inventory file accepted, in bytes. Default 10 MiB. */
      maxFileSizeBytes?: number;
      /**
       * Give each site's Domain a Docs tab with architecture docs generated
       * from its inventory (backstage.io/techdocs-ref). Needs
       * @homelab/plugin-techdocs-backend-module-homelab in the backend.
       * Default false.
       */
      techdocs?: boolean;
    };
  };
}
