export interface Config {
  homelab?: {
    /** The portal's permission policy (packages/backend/src/homelabPermissionPolicy.ts). */
    permissions?: {
      /**
       * Entity refs of the groups whose members may change clusters and the
       * GitOps repository: reconcile, suspend and resume Flux objects, and
       * promote releases. Without any, nobody may.
       */
      operatorGroups?: string[];
    };
  };
}
