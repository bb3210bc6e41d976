export interface Config {
  homelab?: {
    /**
     * How the homelab plugins reach each Kubernetes cluster of the inventory,
     * by the cluster's inventory name. Clusters not listed here are shown from
     * the inventory alone.
     */
    clusters?: Array<{
      /** The cluster's name in the inventory. */
      name: string;
      /** API server URL, like https://192.168.100.11:6443. */
      url?: string;
      /** Base64 PEM of the cluster CA. */
      caData?: string;
      /** Path of a PEM file with the cluster CA. */
      caFile?: string;
      /**
       * Bearer token of a service account that may list nodes (and, for the
       * homelab backend, read Flux and security objects).
       * @visibility secret
       */
      token?: string;
      /** Path of a file holding the token, such as a mounted secret. */
      tokenFile?: string;
      /** Use a kubeconfig file instead of url, CA and token. */
      kubeconfig?: {
        /** Path of the kubeconfig file. */
        path: string;
        /** Context to use; defaults to the file's current context. */
        context?: string;
      };
      /** Skip TLS verification; for lab clusters with throwaway certificates only. */
      skipTLSVerify?: boolean;
      /**
       * Read recorded objects (kubectl get -o json output) from this folder
       * instead of a live cluster: for demos and tests.
       */
      snapshotDirectory?: string;
      /**
       * When the snapshot was recorded (ISO 8601). Given, every time in it
       * moves forward by the time since, so that it reads as if recorded
       * now: a demo's backups and certificates keep the ages they had.
       * Left out, the snapshot ages like any recording.
       */
      snapshotRecordedAt?: string;
      /** Time allowed for each request, in milliseconds. Default 10000. */
      requestTimeoutMs?: number;
      /** Items per page when listing. Default 250. */
      pageSize?: number;
    }>;

    /**
     * The Prometheus that SLOs are evaluated against: a live one (url) or
     * recorded API answers (snapshotDirectory), for demos and tests.
     */
    prometheus?: {
      /** Base URL, like http://prometheus.monitoring.svc:9090. */
      url?: string;
      /** Folder of recorded answers, one file per expression. */
      snapshotDirectory?: string;
      /**
       * Bearer token, for a Prometheus behind an authenticating proxy.
       * @visibility secret
       */
      token?: string;
      /** Basic auth user. */
      username?: string;
      /**
       * Basic auth password.
       * @visibility secret
       */
      password?: string;
      /** Time allowed for each query, in milliseconds. Default 20000. */
      requestTimeoutMs?: number;
    };

    /**
     * The repositories the homelab templates check out and change: the
     * GitOps repository and the one holding the inventory. Each is remote
     * (url; read through the integrations, changed by pull requests) or a
     * local git repository on the backend's disk (localPath; changed by
     * commits pushed to it, for a demo or a lab without a Git host).
     */
    repositories?: {
      /** The GitOps repository (Flux manifests). */
      gitops?: {
        /** Like https://github.com/me/homelab-gitops. */
        url?: string;
        /** Or a bare git repository on the backend's disk. */
        localPath?: string;
        /** Create the local repository from this folder when it does not exist. */
        seedFrom?: string;
        /** Default main. */
        branch?: string;
      };
      /** The repository holding the homelab inventory. */
      inventory?: {
        /** Like https://github.com/me/homelab. */
        url?: string;
        /** Or a bare git repository on the backend's disk. */
        localPath?: string;
        /** Create the local repository from this folder when it does not exist, the folder placed at path. */
        seedFrom?: string;
        /** Default main. */
        branch?: string;
        /** The inventory's folder (or file) in the repository. Default inventory. */
        path?: string;
      };
    };

    /** The GitOps repository the Flux deploy and promote actions and the promotion preview work on. */
    gitops?: {
      /**
       * Each environment's Flux folder (the path its Flux syncs), by
       * environment name, like { staging: clusters/staging }. Only for
       * repositories whose layout is not recognised: clusters/<env>/ as in
       * fluxcd/flux2-kustomize-helm-example, kubernetes/flux/cluster/ or
       * kubernetes/<env>/flux/cluster/ as in onedr0p/cluster-template.
       */
      environments?: { [environment: string]: string };
    };

    /** Gates of a promotion, and when promotions are frozen. */
    promotion?: {
      gates?: {
        /** The source environment's Flux object is Ready on the promoted version. Default required. */
        fluxReady?: 'required' | 'advisory' | 'off';
        /** No critical vulnerability in the source environment that the target does not have. Default required. */
        criticalVulnerabilities?: 'required' | 'advisory' | 'off';
        /** Every SLO of the app keeps at least minimumErrorBudget. Default advisory. */
        errorBudget?: 'required' | 'advisory' | 'off';
        /** Share of error budget (0-1) that must remain. Default 0.25. */
        minimumErrorBudget?: number;
        /** The source environment has been Ready on the promoted version for minimumSoakHours. Default advisory. */
        soakTime?: 'required' | 'advisory' | 'off';
        /** Hours the source must have been Ready. Default 24. */
        minimumSoakHours?: number;
        /** No freeze window of the target environment is in force. Default required. */
        freezeWindows?: 'required' | 'advisory' | 'off';
        /**
         * Some backup covering the namespace the app runs in, in the target
         * environment, is ok now: its last success within the RPO the
         * inventory states (or, without one, within its own schedule), as
         * GET /backups of homelab-backend judges it. Default off.
         */
        recentBackup?: 'required' | 'advisory' | 'off';
      };
      /** Times when promotions to an environment are refused. */
      freezes?: Array<{
        /** The target environment frozen, like production. */
        environment: string;
        /** Said in the verdict, like "End-of-year freeze". */
        reason?: string;
        /** Start of a date range (ISO 8601, like 2026-12-20T00:00:00Z). */
        from?: string;
        /** End of the range, excluded. */
        to?: string;
        /** Or a weekly window. */
        weekly?: {
          /** Days: mon, tue, wed, thu, fri, sat, sun. */
          days: string[];
          /** Local start time, like 16:00. */
          from: string;
          /** Local end time, like 23:59; earlier than from for a window over midnight. */
          to: string;
          /** IANA time zone, like Europe/Stockholm. Default UTC. */
          timeZone?: string;
        };
      }>;
    };
  };
}
