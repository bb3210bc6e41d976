/**
 * Kubernetes module of Homelab Platform: the clusters of homelab.clusters in
 * Backstage's Kubernetes tab, authenticated on the backend with their
 * service account tokens, and the demo's recorded clusters served read-only.
 *
 * @packageDocumentation
 */

export { kubernetesModuleHomelabClusters as default } from './module';
