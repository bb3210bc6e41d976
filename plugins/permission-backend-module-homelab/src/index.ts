/**
 * Permission policy of Homelab Platform: reads for everyone, changes (Flux
 * reconcile and suspend, promotion, node provisioning) for the operator
 * groups of `homelab.permissions.operatorGroups`.
 *
 * @packageDocumentation
 */

export { permissionModuleHomelabPolicy as default } from './module';
export {
  HomelabPermissionPolicy,
  type HomelabPermissionPolicyOptions,
} from './HomelabPermissionPolicy';
