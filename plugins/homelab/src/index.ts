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
  EntityHomelabDriftCard,
  HomelabMermaid,
  HomelabPromotionPreviewFieldExtension,
} from './plugin';
export {
  isHomelabCluster,
  isHomelabHardware,
  isHomelabWorkload,
} from './components/entity/entityPredicates';
export { homelabApiRef } from './api/HomelabApi';
export type {
  HomelabApi,
  FindingsQuery,
  FluxObjectRef,
  PostureSummaryQuery,
  WithFreshness,
} from './api/HomelabApi';
export { HomelabClient } from './api/HomelabClient';
