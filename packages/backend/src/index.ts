/*
 * The Homelab Platform portal backend: Backstage's core plugins on the new
 * backend system. Our own plugins are added beside them as they land, with the
 * same `backend.add(import(...))` line a user adds to their own Backstage.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// Serves the built frontend (packages/app) and injects its configuration.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider for local use; see app-config.production.yaml.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// Logs catalog processing errors, so a broken entity is visible in the backend log.
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// The homelab inventory (homelab.inventory in app-config) as catalog entities.
backend.add(import('@homelab/plugin-catalog-backend-module-homelab'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
// notification:send, with which the promotion template tells the owners of
// the target environment that a promotion was opened.
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

backend.add(import('@backstage/plugin-techdocs-backend'));
// Each homelab site's architecture docs, generated from its inventory.
backend.add(import('@homelab/plugin-techdocs-backend-module-homelab'));

backend.add(import('@backstage/plugin-kubernetes-backend'));
// homelab.clusters in the Kubernetes tab, signed in on the backend.
backend.add(import('@homelab/plugin-kubernetes-backend-module-homelab'));

backend.add(import('@backstage/plugin-permission-backend'));
// Reads for everyone; Flux changes, promotions and provisioning for
// homelab.permissions.operatorGroups.
backend.add(import('@homelab/plugin-permission-backend-module-homelab'));

// Live homelab data (Flux, security posture, SLOs, topology) and its REST API.
backend.add(import('@homelab/plugin-homelab-backend'));
backend.add(import('@homelab/plugin-scaffolder-backend-module-homelab'));
// Scorecards: tech-insights with the homelab fact retrievers and checks (SLO
// defined, backups within RPO, no critical vulnerabilities, Flux Ready,
// certificates valid, inventory valid); cadences in techInsights.factRetrievers.
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(import('@homelab/plugin-tech-insights-backend-module-homelab'));
// The homelab actions (blast radius, SLOs, posture, Flux objects, Flux
// reconcile) as MCP tools for agents at /api/mcp-actions/v1; which plugins'
// actions it offers is backend.actions.pluginSources.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Search: the PostgreSQL engine when the database is PostgreSQL, otherwise
// the in-memory Lunr engine, which answers a type not indexed yet (TechDocs
// before any docs are built) with no results instead of an error.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('./search/inMemorySearchEngine'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// Homelab Resources indexed with their type and facts ("vlan" finds networks).
backend.add(import('./search/homelabCatalogSearch'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

backend.add(import('@backstage/plugin-user-settings-backend'));

// Notifications, delivered to the browser live through signals; the homelab
// backend sends its conditions (SLO burn, vulnerabilities, stale sources) here
// when homelab.notifications.enabled.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
