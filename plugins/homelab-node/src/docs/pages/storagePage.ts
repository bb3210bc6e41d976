import { decimalText, diskText, Storage } from '@homelab/plugin-homelab-common';
import { DocsContext } from '../docsContext';
import { page, table } from '../markdown';
import { storageClassRows } from './clustersPage';

const KIND_TITLES: Record<Storage['kind'], string> = {
  'zfs-pool': 'ZFS pool',
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
  const served = inventory.storage.filter(s => !s.cluster);
  const byCluster = inventory.clusters
    .map(cluster => ({
      cluster,
      classes: inventory.storage.filter(s => s.cluster === cluster.name),
    }))
    .filter(({ classes }) => classes.length);
  const titleOf = (name: string | undefined) =>
    name
      ? context.titleOf(
          context.device(name) ??
            inventory.storage.find(s => s.name === name) ?? { name },
        )
      : undefined;
  return page('Storage', [
    ...(served.length
      ? [
          '## Pools and services',
          table(
            [
              'Storage',
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
              KIND_TITLES[storage.kind],
              titleOf(storage.device),
              titleOf(storage.backedBy),
              storage.disks ? diskText(storage.disks) : undefined,
              storage.layout,
              storage.usableTB
                ? `${decimalText(storage.usableTB)}TB`
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
  ]);
}
