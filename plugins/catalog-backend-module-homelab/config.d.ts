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
      /**
       * Proxmox VE servers (or clusters, through any of their nodes) whose
       * virtual machines and containers are merged with the inventory's at
       * every refresh: live facts on the inventory's VMs, an entity marked
       * not-in-inventory for each guest the inventory does not list, and
       * drift in the status. Each has url with an API token, or
       * recordedResources.
       */
      proxmox?: Array<{
        /** Names the source in entities, drift and logs, like "pve". */
        name: string;
        /** API base, like https://192.168.100.5:8006. */
        url?: string;
        /**
         * API token id, like "backstage@pve!catalog". Read-only is enough:
         * the PVEAuditor role on /.
         */
        tokenId?: string;
        /**
         * API token secret.
         * @visibility secret
         */
        tokenSecret?: string;
        /** Base64 PEM of the CA that signed the API's certificate (Proxmox's pve-root-ca.pem). */
        caData?: string;
        /** Skip TLS verification. Only for a lab you trust. */
        skipTLSVerify?: boolean;
        /** Time allowed for the request, in milliseconds. Default 15000. */
        requestTimeoutMs?: number;
        /**
         * A recorded answer of GET /api2/json/cluster/resources (a JSON file
         * with its "data" list), read instead of a live server: demos, tests.
         */
        recordedResources?: string;
      }>;
      /**
       * NetBox instances whose devices (with their interfaces, addresses and
       * cables) and networks (prefixes, VLANs, IP ranges) join the
       * inventory at every refresh, through the same validator. Each has url
       * with a token, or recorded.
       */
      netbox?: Array<{
        /** Names the source in problems, drift and logs, like "home". */
        name: string;
        /** NetBox's base URL, like https://netbox.home.arpa. */
        url?: string;
        /**
         * API token with read permission on dcim and ipam: a v2 token as
         * NetBox shows it (nbt_<key>.<token>, sent as Bearer) or a v1 token
         * (sent as Token).
         * @visibility secret
         */
        token?: string;
        /** Only this site's devices, interfaces, prefixes and VLANs (the site's slug). */
        site?: string;
        /**
         * Per section, how NetBox's items join the YAML's. merge (default):
         * both; an item both declare keeps the YAML's facts and NetBox's
         * differences are drift. netbox: NetBox is the only source, and an
         * item the YAML declares in that section is an error.
         */
        sections?: {
          devices?: 'merge' | 'netbox';
          networks?: 'merge' | 'netbox';
        };
        /** Objects per page, at most NetBox's MAX_PAGE_SIZE (1000 by default). Default 1000. */
        pageSize?: number;
        /** Base64 PEM of the CA that signed NetBox's certificate. */
        caData?: string;
        /** Skip TLS verification. Only for a lab you trust. */
        skipTLSVerify?: boolean;
        /** Time allowed for each request, in milliseconds. Default 15000. */
        requestTimeoutMs?: number;
        /**
         * A folder of recorded list answers (dcim/devices.json,
         * dcim/interfaces.json, ipam/ip-addresses.json, ipam/prefixes.json,
         * ipam/ip-ranges.json, ipam/vlans.json), read instead of a live
         * NetBox: demos, tests.
         */
        recorded?: string;
      }>;
    };
  };
}
