import { BackupSet } from '@homelab/plugin-homelab-common';

/**
 * A set of backups as collected: what the cluster says, before it is judged
 * against a recovery point objective and the time it is served at.
 */
export type CollectedBackupSet = Omit<
  BackupSet,
  'rpo' | 'rpoFrom' | 'ageSeconds' | 'state' | 'reason'
>;

/** The id of a set: cluster/tool/namespace/name. */
export const backupSetId = (
  set: Pick<BackupSet, 'cluster' | 'tool' | 'namespace' | 'name'>,
) => [set.cluster, set.tool, set.namespace ?? '', set.name].join('/');
