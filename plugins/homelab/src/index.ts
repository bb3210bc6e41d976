/**
 * Portal pages of Homelab Platform: topology, security posture and SLO
 * dashboards, homelab entity cards, and the Mermaid TechDocs addon. This
 * entry point is for the legacy frontend system; `./alpha` holds the plugin
 * for the new one.
 *
 * @packageDocumentation
 */

export {
  homelabPlugin,
  HomelabPage,
  EntityHomelabHardwareCard,
  EntityHomelabClusterContent,
  EntityHomelabPostureCard,
  EntityHomelabSloCard,
  EntityHomelabPowerCard,
  EntityHomelabDriftCard,
  EntityHomelabNetworkCard,
  EntityHomelabIpPoolCard,
  EntityHomelabBlastRadiusCard,
  EntityHomelabCapacityCard,
  EntityHomelabRecoveryCard,
  EntityHomelabScorecardCard,
  HomelabMermaid,
  HomelabPromotionPreviewFieldExtension,
  HomelabAppFitFieldExtension,
  HomelabNodeFitFieldExtension,
} from './plugin';
export {
  isHomelabBlastRadiusSubject,
  isHomelabCluster,
  isHomelabHardware,
  isHomelabIpPool,
  isHomelabNetwork,
  isHomelabWorkload,
} from './components/entity/entityPredicates';
export { homelabApiRef } from './api/HomelabApi';
export type { HomelabApi, WithFreshness } from './api/HomelabApi';
// The API's request types moved to homelab-common with its client; they stay
// exported here for the apps that import them from this package.
export type {
  FindingsQuery,
  FluxObjectRef,
  PostureSummaryQuery,
} from '@homelab/plugin-homelab-common';
export { HomelabClient } from './api/HomelabClient';
