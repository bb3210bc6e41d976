/**
 * Test helpers of the homelab plugins: the bad-input corpus of inventories
 * with the errors each must produce, local servers speaking the Kubernetes
 * API and GitHub's repository API, a real Prometheus with backfilled
 * history, and the real kustomize.
 *
 * @packageDocumentation
 */

export type { CorpusCase, Expectation } from './testing/corpus';
export type { InventoryInputFile } from './inventory/parseInventory';
export type { InventoryProblem } from './inventory/problems';
export {
  INVALID_CORPUS_DIR,
  loadInvalidCorpus,
  unmetExpectations,
} from './testing/corpus';
export type {
  KubernetesApiTestServerOptions,
  RecordedRequest,
} from './testing/KubernetesApiTestServer';
export { KubernetesApiTestServer } from './testing/KubernetesApiTestServer';
export { PrometheusTestServer } from './testing/PrometheusTestServer';
export { PrometheusAnswerRecorder } from './testing/PrometheusAnswerRecorder';
export type {
  PrometheusClient,
  PrometheusSample,
  PrometheusSeries,
} from './prometheus/PrometheusClient';
export { snapshotServerOptions } from './testing/snapshotServerOptions';
export {
  createBareRepository,
  GithubApiTestServer,
} from './testing/GithubApiTestServer';
export { realKustomizeBuild } from './testing/realKustomize';
export { realFluxBuild, realFluxRender } from './testing/realFluxBuild';
export { heldAfterCollection } from './testing/heldAfterCollection';
