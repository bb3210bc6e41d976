import type { KubernetesObject } from '@kubernetes/client-node';
import { BackupRun } from '@homelab/plugin-homelab-common';
import { definedFields, summariseRuns, timedRun } from './backupRuns';
import { backupSetId, CollectedBackupSet } from './CollectedBackupSet';

/** A k3s ETCDSnapshotFile (k3s-io/k3s pkg/apis/k3s.cattle.io/v1/types.go). */
interface EtcdSnapshotFile extends KubernetesObject {
  spec?: { snapshotName?: string; nodeName?: string; location?: string };
  status?: {
    creationTime?: string;
    readyToUse?: boolean;
    error?: { time?: string; message?: string };
  };
}

function snapshotRun(file: EtcdSnapshotFile): BackupRun {
  const status = file.status ?? {};
  const succeeded = status.readyToUse === true && !status.error;
  let phase = 'NotReady';
  if (succeeded) phase = 'ReadyToUse';
  else if (status.error) phase = 'Error';
  return definedFields({
    name: file.spec?.snapshotName || file.metadata?.name || '',
    phase,
    succeeded,
    completedAt: status.creationTime ?? status.error?.time,
    message: status.error?.message,
  });
}

/**
 * The cluster's k3s etcd snapshots (local and S3, of every server node) as
 * one set: any of them restores the cluster's state. None when the cluster
 * records no snapshot files.
 */
export function etcdSnapshotSet(
  cluster: string,
  files: EtcdSnapshotFile[],
): CollectedBackupSet[] {
  if (files.length === 0) return [];
  const name = 'etcd';
  return [
    {
      id: backupSetId({ cluster, tool: 'k3s-etcd', name }),
      cluster,
      tool: 'k3s-etcd',
      name,
      // The cluster's own state: no app's data is in it, and it is judged
      // against the cluster's objective.
      coveredNamespaces: [],
      entityRefs: [],
      problems: [],
      ...summariseRuns(files.map(file => timedRun(snapshotRun(file)))),
    },
  ];
}
