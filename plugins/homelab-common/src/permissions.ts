import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Permissions of the homelab plugins. Reads cover what the homelab backend
 * serves; the others change clusters or the GitOps repository, and a policy
 * usually grants them to the homelab's operators only.
 */

/**
 * Read security posture: summaries, findings and trends.
 *
 * @public
 */
export const homelabPostureReadPermission = createPermission({
  name: 'homelab.posture.read',
  attributes: { action: 'read' },
});

/**
 * Read SLOs and their evaluations.
 *
 * @public
 */
export const homelabSloReadPermission = createPermission({
  name: 'homelab.slo.read',
  attributes: { action: 'read' },
});

/**
 * Read Flux objects and their state.
 *
 * @public
 */
export const homelabFluxReadPermission = createPermission({
  name: 'homelab.flux.read',
  attributes: { action: 'read' },
});

/**
 * Read the homelab topology.
 *
 * @public
 */
export const homelabTopologyReadPermission = createPermission({
  name: 'homelab.topology.read',
  attributes: { action: 'read' },
});

/**
 * Read which release of each app runs in which environment.
 *
 * @public
 */
export const homelabDriftReadPermission = createPermission({
  name: 'homelab.drift.read',
  attributes: { action: 'read' },
});

/**
 * Read the homelab's power: devices' draw, energy and cost, and their shares.
 *
 * @public
 */
export const homelabPowerReadPermission = createPermission({
  name: 'homelab.power.read',
  attributes: { action: 'read' },
});

/**
 * Read the homelab's capacity: allocatable, requests, use and headroom of
 * nodes and clusters, and hypervisors' allocation.
 *
 * @public
 */
export const homelabCapacityReadPermission = createPermission({
  name: 'homelab.capacity.read',
  attributes: { action: 'read' },
});

/**
 * Read backups (Velero, Longhorn, k3s etcd snapshots) and how they stand
 * against the recovery point objectives.
 *
 * @public
 */
export const homelabBackupReadPermission = createPermission({
  name: 'homelab.backup.read',
  attributes: { action: 'read' },
});

/**
 * Read cert-manager Certificates: readiness, expiry and renewal failures.
 *
 * @public
 */
export const homelabCertificateReadPermission = createPermission({
  name: 'homelab.certificate.read',
  attributes: { action: 'read' },
});

/**
 * Ask Flux to reconcile an object now.
 *
 * @public
 */
export const homelabFluxReconcilePermission = createPermission({
  name: 'homelab.flux.reconcile',
  attributes: { action: 'update' },
});

/**
 * Suspend or resume a Flux object.
 *
 * @public
 */
export const homelabFluxSuspendPermission = createPermission({
  name: 'homelab.flux.suspend',
  attributes: { action: 'update' },
});

/**
 * Promote a release from one environment to the next.
 *
 * @public
 */
export const homelabReleasePromotePermission = createPermission({
  name: 'homelab.release.promote',
  attributes: { action: 'update' },
});

/**
 * Provision a node: create or power machines on Proxmox VE or a Turing Pi
 * board and add them to the inventory.
 *
 * @public
 */
export const homelabNodeProvisionPermission = createPermission({
  name: 'homelab.node.provision',
  attributes: { action: 'create' },
});

/**
 * Every homelab permission, for registration with the permission framework.
 *
 * @public
 */
export const homelabPermissions = [
  homelabPostureReadPermission,
  homelabSloReadPermission,
  homelabFluxReadPermission,
  homelabTopologyReadPermission,
  homelabDriftReadPermission,
  homelabPowerReadPermission,
  homelabCapacityReadPermission,
  homelabBackupReadPermission,
  homelabCertificateReadPermission,
  homelabFluxReconcilePermission,
  homelabFluxSuspendPermission,
  homelabReleasePromotePermission,
  homelabNodeProvisionPermission,
];
