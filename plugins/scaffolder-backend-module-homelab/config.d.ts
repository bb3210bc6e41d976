export interface Config {
  homelab?: {
    /**
     * Hosts the homelab:node:provision action may reach. A template user
     * picks one by name; nothing else is ever contacted.
     */
    provisioning?: {
      /** Proxmox VE servers (or clusters, through one of their nodes). */
      proxmox?: Array<{
        /** Name a template picks, like "pve". */
        name: string;
        /** API base, like https://192.168.100.5:8006. */
        url: string;
        /** The Proxmox node that holds the templates and new VMs, like "pve". */
        node: string;
        /** API token id, like "backstage@pve!provision". */
        tokenId: string;
        /**
         * API token secret.
         * @visibility secret
         */
        tokenSecret: string;
        /** Base64 PEM of the CA that signed the API's certificate (Proxmox's own pve-root-ca.pem). */
        caData?: string;
        /** Skip TLS verification. Only for a lab you trust. */
        skipTLSVerify?: boolean;
        /** Seconds to wait for a clone or start task. Default 600. */
        taskTimeoutSeconds?: number;
      }>;
      /** Turing Pi 2 boards, through their BMC (bmcd 2.x). */
      turingPi?: Array<{
        /** Name a template picks; usually the board's inventory name, like "turing-pi-2". */
        name: string;
        /** BMC base, like https://192.168.100.9. */
        url: string;
        /** BMC user. */
        username: string;
        /**
         * BMC password.
         * @visibility secret
         */
        password: string;
        /** Base64 PEM of the CA that signed the BMC's certificate. */
        caData?: string;
        /** Skip TLS verification (the BMC's certificate is self-signed by default). */
        skipTLSVerify?: boolean;
        /**
         * OS images that may be flashed, by name: paths of raw images on the
         * backend's disk, like /srv/images/talos-rk1-v1.12.0.raw.
         */
        images?: { [name: string]: string };
        /** Seconds to wait for a flash. Default 1800. */
        flashTimeoutSeconds?: number;
      }>;
    };
  };
}
