/**
 * The homelab scorecard for Backstage's tech-insights: fact retrievers over
 * homelab-backend and checks that pass, fail or say they do not know.
 *
 * @packageDocumentation
 */

export { techInsightsModuleHomelab as default } from './module';
export type { HomelabCheckResult } from './checks/HomelabFactChecker';
