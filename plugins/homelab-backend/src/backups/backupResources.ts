import { KubernetesResourceType } from '@homelab/plugin-homelab-node';

/**
 * The backup objects the collector reads, each in the one version its
 * project serves: Velero's velero.io/v1 (pkg/apis/velero/v1), Longhorn's
 * longhorn.io/v1beta2 (its storage version since Longhorn 1.3; v1beta1 was
 * removed in 1.6), and k3s's cluster-scoped ETCDSnapshotFile
 * k3s.cattle.io/v1 (k3s 1.27 and later).
 */
export const BACKUP_RESOURCES = {
  veleroSchedules: {
    group: 'velero.io',
    version: 'v1',
    plural: 'schedules',
  },
  veleroBackups: { group: 'velero.io', version: 'v1', plural: 'backups' },
  longhornBackups: {
    group: 'longhorn.io',
    version: 'v1beta2',
    plural: 'backups',
  },
  longhornRecurringJobs: {
    group: 'longhorn.io',
    version: 'v1beta2',
    plural: 'recurringjobs',
  },
  etcdSnapshotFiles: {
    group: 'k3s.cattle.io',
    version: 'v1',
    plural: 'etcdsnapshotfiles',
  },
} satisfies Record<string, KubernetesResourceType>;

/** cert-manager's Certificate (cert-manager.io/v1, the only version served since cert-manager 1.7). */
export const CERTIFICATE_RESOURCE: KubernetesResourceType = {
  group: 'cert-manager.io',
  version: 'v1',
  plural: 'certificates',
};
