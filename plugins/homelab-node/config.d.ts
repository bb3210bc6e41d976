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
  };
}
