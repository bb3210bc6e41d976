import { Entity } from '@backstage/catalog-model';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';

const isResourceOfType =
  (...types: string[]) =>
  (entity: Entity) =>
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    types.includes(String(entity.spec?.type)) &&
    !!entity.spec?.homelab;

/**
 * A homelab device, virtual machine or Kubernetes node: has a hardware card.
 *
 * @public
 */
export const isHomelabHardware = isResourceOfType(
  HOMELAB_RESOURCE_TYPES.device,
  HOMELAB_RESOURCE_TYPES.virtualMachine,
  HOMELAB_RESOURCE_TYPES.node,
);

/**
 * A homelab network (a VLAN or a WAN uplink): has the network card.
 *
 * @public
 */
export const isHomelabNetwork = isResourceOfType(
  HOMELAB_RESOURCE_TYPES.network,
);

/**
 * A cluster's load-balancer address pool: has the pool card.
 *
 * @public
 */
export const isHomelabIpPool = isResourceOfType(HOMELAB_RESOURCE_TYPES.ipPool);

/**
 * A resource something else goes down with: a device, VM, network, storage,
 * Kubernetes node or cluster: has the blast-radius card.
 *
 * @public
 */
export const isHomelabBlastRadiusSubject = isResourceOfType(
  HOMELAB_RESOURCE_TYPES.device,
  HOMELAB_RESOURCE_TYPES.virtualMachine,
  HOMELAB_RESOURCE_TYPES.network,
  HOMELAB_RESOURCE_TYPES.storage,
  HOMELAB_RESOURCE_TYPES.node,
  HOMELAB_RESOURCE_TYPES.cluster,
);

/**
 * A homelab Kubernetes cluster: has the cluster overview.
 *
 * @public
 */
export const isHomelabCluster = isResourceOfType(
  HOMELAB_RESOURCE_TYPES.cluster,
);

/**
 * An entity whose workloads the homelab backend can find in a cluster (a
 * backstage.io/kubernetes-id annotation, or a platform service): may have
 * security findings, SLOs and releases in several environments.
 *
 * @public
 */
export const isHomelabWorkload = (entity: Entity) =>
  !!entity.metadata.annotations?.['backstage.io/kubernetes-id'] ||
  !!entity.metadata.annotations?.['homelab.dev/openslo'] ||
  (entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    entity.spec?.type === 'platform-service');
