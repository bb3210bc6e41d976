export interface Config {
  homelab?: {
    /** Who may change things through the homelab plugins (@homelab/plugin-permission-backend-module-homelab). */
    permissions?: {
      /**
       * Entity refs of the groups whose members may change clusters, the
       * GitOps repository and the hardware: reconcile, suspend and resume Flux
       * objects, promote releases and provision nodes. Without any, nobody may.
       * @visibility backend
       */
      operatorGroups?: string[];
    };
  };
}
