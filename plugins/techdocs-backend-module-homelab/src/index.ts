/**
 * TechDocs module of Homelab Platform: each homelab site's architecture docs
 * (hardware, network, clusters, storage, environments, diagrams), generated
 * from its inventory at every docs build.
 *
 * @packageDocumentation
 */

export { techdocsModuleHomelab as default } from './module';
