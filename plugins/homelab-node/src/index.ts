/**
 * Backend library of the homelab plugins: reading and validating homelab
 * inventories and generating their architecture docs, shared by the catalog,
 * scaffolder and TechDocs modules and the homelab-inventory command.
 *
 * @packageDocumentation
 */

export type { InventoryProblem, PathSegment } from './inventory/problems';
export {
  formatProblem,
  formatErrors,
  formatPath,
  countErrors,
} from './inventory/problems';
export type {
  InventoryInputFile,
  ParseOptions,
} from './inventory/parseInventory';
export { DEFAULT_MAX_FILE_BYTES } from './inventory/parseInventory';
export type {
  ItemOrigin,
  InventoryLocation,
  SourceFile,
} from './inventory/sourceMap';
export { locateInInventory } from './inventory/sourceMap';
export type { InventoryValidation } from './inventory/validateInventory';
export { validateInventoryFiles } from './inventory/validateInventory';
export type { ScheduleGap } from './inventory/rules/schedules';
export { durationMinutes, scheduleGap } from './inventory/rules/schedules';
export {
  readInventoryFromPath,
  readInventoryFromUrl,
  readInventoryFromTarget,
  isUrlTarget,
  MAX_INVENTORY_FILES,
} from './inventory/readInventory';
export type { InventoryLocationConfig } from './inventory/readInventoryLocations';
export { readInventoryLocations } from './inventory/readInventoryLocations';
export type { ClusterDiscovery } from './entities/ClusterDiscovery';
export type { InventoryEntityOptions } from './entities/inventoryToEntities';
export { inventoryToEntities } from './entities/inventoryToEntities';
export type { GeneratedDocsFile } from './docs/generateInventoryDocs';
export { generateInventoryDocs } from './docs/generateInventoryDocs';
export { inventoryReferenceMarkdown } from './docs/inventoryReference';
export type { GeneratedDocsWrite } from './docs/writeGeneratedDocs';
export { writeGeneratedDocs } from './docs/writeGeneratedDocs';
export type { CliIo } from './cli/runInventoryCli';
export { runInventoryCli } from './cli/runInventoryCli';
export type {
  ClusterConnection,
  ClusterSource,
} from './kubernetes/clusterConnections';
export {
  readClusterConnections,
  DEFAULT_PAGE_SIZE,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from './kubernetes/clusterConnections';
export type {
  ClusterClient,
  KubernetesResourceType,
  ServiceProxyTarget,
} from './kubernetes/ClusterClient';
export { createClusterClient } from './kubernetes/createClusterClient';
export type {
  HostConnection,
  JsonRequest,
  JsonResponse,
} from './http/requestJson';
export { requestJson } from './http/requestJson';
export type { ProxmoxSource } from './proxmox/proxmoxSources';
export { readProxmoxSources } from './proxmox/proxmoxSources';
export type { ProxmoxResource } from './proxmox/readClusterResources';
export { readClusterResources } from './proxmox/readClusterResources';
export { proxmoxStarterInventory } from './proxmox/proxmoxStarterInventory';
export { toInventoryName } from './inventory/toInventoryName';
export type {
  NetboxSource,
  NetboxSections,
  NetboxSectionMode,
} from './netbox/netboxSources';
export { readNetboxSources } from './netbox/netboxSources';
export type {
  NetboxChoice,
  NetboxDevice,
  NetboxInterface,
  NetboxIpAddress,
  NetboxIpRange,
  NetboxObject,
  NetboxPrefix,
  NetboxRef,
  NetboxSnapshot,
  NetboxVlan,
} from './netbox/netboxObjects';
export { readNetbox } from './netbox/readNetbox';
export type { NetboxDrift } from './netbox/netboxDrift';
export type {
  NetboxContribution,
  NetboxInventoryValidation,
} from './netbox/validateWithNetbox';
export { validateWithNetbox } from './netbox/validateWithNetbox';
export type { HomelabClusterClientsService } from './kubernetes/clusterClientsService';
export {
  clusterClientsFromConfig,
  homelabClusterClientsServiceRef,
} from './kubernetes/clusterClientsService';
export { nodeFacts } from './kubernetes/nodeFacts';
export { addressRangeSize } from './inventory/addressing';
export type {
  PrometheusClient,
  PrometheusSample,
  PrometheusSeries,
} from './prometheus/PrometheusClient';
export {
  readPrometheusClient,
  DEFAULT_PROMETHEUS_TIMEOUT_MS,
} from './prometheus/readPrometheusClient';
export { recordedAnswerFile } from './prometheus/SnapshotPrometheusClient';
export type { RepositoryFiles } from './gitops/files/RepositoryFiles';
export { memoryRepository } from './gitops/files/RepositoryFiles';
export {
  checkoutRepository,
  checkoutPath,
} from './gitops/files/checkoutRepository';
export type { ChangedFile } from './gitops/files/PlannedFiles';
export { writeChangedFiles } from './gitops/files/writeChangedFiles';
export type {
  GitopsLayout,
  GitopsLayoutId,
  GitopsEnvironment,
} from './gitops/layouts/detectLayout';
export { detectLayout } from './gitops/layouts/detectLayout';
export type { AppSource, AppSpec } from './gitops/deploy/fluxManifests';
export { deploysWithHelm } from './gitops/deploy/fluxManifests';
export type {
  DeploymentPlan,
  DeploymentOptions,
} from './gitops/deploy/planDeployment';
export { planDeployment } from './gitops/deploy/planDeployment';
export type {
  PromotionPlan,
  PromotionOptions,
  PromotionChange,
} from './gitops/promotion/planPromotion';
export { planPromotion } from './gitops/promotion/planPromotion';
export { unifiedDiff } from './gitops/diff/unifiedDiff';
export {
  sameVersion,
  meetsConstraint,
  isExactVersion,
} from './gitops/versions/compareVersions';
export { readGitopsEnvironments } from './gitops/layouts/readGitopsEnvironments';
export type {
  GateMode,
  FreezeWindow,
  PromotionGateSettings,
} from './promotion/gateSettings';
export { readGateSettings } from './promotion/gateSettings';
export type {
  GateResult,
  PromotionGateData,
  PromotionCandidate,
} from './promotion/evaluatePromotionGates';
export {
  evaluatePromotionGates,
  blockingGates,
  runningVersion,
} from './promotion/evaluatePromotionGates';
export { promotionSummary, gateVerdict } from './promotion/promotionSummary';
export type {
  HomelabRepository,
  RepositoryRole,
} from './repositories/HomelabRepository';
export { readHomelabRepository } from './repositories/HomelabRepository';
export type { CommitAuthor } from './repositories/localGitRepository';
export {
  seedLocalRepository,
  cloneLocalRepository,
  commitToLocalRepository,
  readLocalRepository,
} from './repositories/localGitRepository';
export { readRepositoryFiles } from './repositories/readRepositoryFiles';
export { BlastRadiusEstate } from './blastRadius/BlastRadiusEstate';
export type { PlacedWorkload } from './blastRadius/PlacedWorkload';
