/**
 * Scaffolder actions of Homelab Platform: deploy apps through Flux, promote
 * releases between environments, provision nodes, edit the inventory.
 *
 * @packageDocumentation
 */

export { scaffolderModuleHomelab as default } from './module';
