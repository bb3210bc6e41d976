import { ClusterClient } from '@homelab/plugin-homelab-node';
import { BACKUP_RESOURCES } from '../backups/backupResources';
import { CollectedBackupSet } from '../backups/CollectedBackupSet';
import { etcdSnapshotSet } from '../backups/etcdSnapshotSet';
import { longhornBackupSets } from '../backups/longhornBackupSets';
import { veleroBackupSets } from '../backups/veleroBackupSets';
import { BackupStore } from '../database/BackupStore';
import { ClusterCollector } from './ClusterCollector';
import { Collection } from './recordCollection';
import { ToolReader } from './ToolReader';

/**
 * Backups of a cluster: Velero Schedules and their Backups, Longhorn
 * Backups per volume with their RecurringJobs, and k3s's etcd snapshot
 * files (on k3s), each set with the namespaces it covers (the apps of
 * those are worked out when served, from the catalog as it is then). A
 * tool that is not installed is a warning; one that is installed but cannot be read fails
 * the collection, keeping the cluster's last good backups.
 */
export class BackupCollector implements ClusterCollector {
  readonly source = 'backups';

  constructor(private readonly store: BackupStore) {}

  async collect(
    client: ClusterClient,
    collectedAt: Date,
    signal?: AbortSignal,
  ): Promise<Collection> {
    const cluster = client.cluster;
    const served = await client.servedVersions();
    const reader = new ToolReader(client, served, signal);
    const r = BACKUP_RESOURCES;
    const sets: CollectedBackupSet[] = [
      ...veleroBackupSets(
        cluster,
        await reader.list('Velero', r.veleroSchedules),
        await reader.list('Velero', r.veleroBackups),
      ),
      ...longhornBackupSets(
        cluster,
        await reader.list('Longhorn', r.longhornBackups),
        await reader.list('Longhorn', r.longhornRecurringJobs),
      ),
      // Only k3s records its etcd snapshots as objects: other distributions
      // are not missing anything.
      ...etcdSnapshotSet(
        cluster,
        served.has(r.etcdSnapshotFiles.group)
          ? await reader.list('k3s etcd snapshots', r.etcdSnapshotFiles)
          : [],
      ),
    ];
    signal?.throwIfAborted();
    await this.store.replaceBackupSets(cluster, sets, collectedAt);
    return {
      itemCount: sets.length,
      warnings: [...new Set(reader.warnings)],
    };
  }
}
