import {
  ClusterClient,
  KubernetesResourceType,
} from '@homelab/plugin-homelab-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import { BACKUP_RESOURCES } from '../backups/backupResources';
import { CollectedBackupSet } from '../backups/CollectedBackupSet';
import { etcdSnapshotSet } from '../backups/etcdSnapshotSet';
import { longhornBackupSets } from '../backups/longhornBackupSets';
import { veleroBackupSets } from '../backups/veleroBackupSets';
import { BackupStore } from '../database/BackupStore';
import { ClusterCollector } from './ClusterCollector';
import { listIfServed } from './listIfServed';
import { Collection } from './recordCollection';

/** What a tool's objects are read as, and what to say when it is not installed. */
class ToolReader {
  readonly warnings: string[] = [];

  constructor(
    private readonly client: ClusterClient,
    private readonly served: Map<string, string[]>,
    private readonly signal?: AbortSignal,
  ) {}

  /** Every object of the type; none, with a warning, when the cluster does not serve it. */
  async list<T extends KubernetesObject>(
    tool: string,
    type: KubernetesResourceType,
  ): Promise<T[]> {
    const versions = this.served.get(type.group) ?? [];
    const objects: T[] = [];
    const listed =
      versions.includes(type.version) &&
      (await listIfServed<T>(
        this.client,
        type,
        page => objects.push(...page),
        this.signal,
      ));
    if (!listed) this.warnings.push(this.#notRead(tool, type, versions));
    return objects;
  }

  #notRead(tool: string, type: KubernetesResourceType, versions: string[]) {
    const { group, version, plural } = type;
    if (versions.includes(version))
      return `${tool}: the cluster serves ${group}/${version} without ${plural}`;
    return versions.length
      ? `${tool} is not read: the cluster serves ${group} in ${versions.join(
          ', ',
        )}, and this plugin reads ${version}`
      : `${tool} is not installed: the cluster does not serve ${group}/${version}`;
  }
}

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
