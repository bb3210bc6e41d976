import {
  amountText,
  decimalText,
  diskText,
  Storage,
  storageClassKinds,
} from '@homelab/plugin-homelab-common';
import { DocsContext } from '../docsContext';
import { operationsSections } from '../operationsTables';
import { page, table } from '../markdown';
import { storageClassRows } from './clustersPage';

const KIND_TITLES: Record<Storage['kind'], string> = {
  'zfs-pool': 'ZFS pool',
  lvm: 'LVM volume group',
  'lvm-thin': 'LVM-thin pool',
  directory: 'Directory',
  ceph: 'Ceph storage class',
  longhorn: 'Longhorn storage class',
  nfs: 'NFS share',
  smb: 'SMB share',
  s3: 'S3 object storage',
  database: 'Database',
  'local-path': 'Local path storage class',
};

/** storage.md: pools and the services on them, and the clusters' storage classes. */
export function storagePage(context: DocsContext): string {
  const { inventory } = context;
  const isClass = (s: Storage) =>
    !!s.cluster &&
    (storageClassKinds.includes(s.kind) ||
      s.kind === 'nfs' ||
      s.kind === 'smb');
  const shown = inventory.storage.filter(s => s.status !== 'retired');
  const served = shown.filter(s => !isClass(s));
  const withStatus = shown.some(s => s.status !== 'active');
  const byCluster = inventory.clusters
    .map(cluster => ({
      cluster,
      classes: shown.filter(s => isClass(s) && s.cluster === cluster.name),
    }))
    .filter(({ classes }) => classes.length);
  const titleOf = (name: string | undefined) =>
    name
      ? context.titleOf(
          context.device(name) ??
            inventory.storage.find(s => s.name === name) ?? { name },
        )
      : undefined;
  /** The device that serves it, or the cluster (and namespace) it runs in. */
  const placeOf = (storage: Storage) => {
    if (storage.device) return titleOf(storage.device);
    if (!storage.cluster) return undefined;
    const cluster = inventory.clusters.find(c => c.name === storage.cluster);
    return `${context.titleOf(cluster ?? { name: storage.cluster })}${
      storage.namespace ? ` (${storage.namespace})` : ''
    }`;
  };
  return page('Storage', [
    ...(served.length
      ? [
          '## Pools and services',
          table(
            [
              'Storage',
              ...(withStatus ? ['Status'] : []),
              'Kind',
              'On',
              'Backed by',
              'Disks',
              'Layout',
              'Usable',
              'Use case',
            ],
            served.map(storage => [
              context.titleOf(storage),
              ...(withStatus ? [storage.status] : []),
              `${KIND_TITLES[storage.kind]}${
                storage.engine ? ` (${storage.engine})` : ''
              }`,
              placeOf(storage),
              titleOf(storage.backedBy),
              storage.disks ? diskText(storage.disks) : undefined,
              storage.layout,
              storage.usableTB
                ? amountText(storage.usableTB, n => `${decimalText(n)}TB`)
                : undefined,
              storage.useCase ?? storage.description,
            ]),
          ),
        ]
      : []),
    ...byCluster.flatMap(({ cluster, classes }) => [
      `## Storage classes of ${context.titleOf(cluster)}`,
      table(
        ['Class', 'Replicas', 'Use Case', 'Performance'],
        storageClassRows(classes),
      ),
    ]),
    ...operationsSections(context),
  ]);
}
