import { BACKUP_FACTS } from '../retrievers/backupFactRetriever';
import { HomelabCheckDefinition } from './HomelabCheckDefinition';
import { HOMELAB_CHECK_TYPE } from './checkType';

/**
 * Every backup of the app (Velero schedule, Longhorn volume, k3s etcd
 * snapshots of its cluster) last succeeded within the recovery point
 * objective, as homelab-backend judges it; no backup at all fails.
 */
export const backupsWithinRpo: HomelabCheckDefinition = {
  check: {
    id: 'homelabBackupsWithinRpo',
    type: HOMELAB_CHECK_TYPE,
    name: 'Backups within RPO',
    description:
      "The app's data is backed up, and the last backup succeeded within its recovery point objective.",
    factIds: [BACKUP_FACTS],
  },
  evaluate: facts => {
    const sets = Number(facts.backupSets ?? 0);
    const failing = (facts.notOk as string[] | undefined) ?? [];
    if (!sets) return { result: false, reason: 'no backup covers its data' };
    return failing.length
      ? { result: false, reason: failing.join('; ') }
      : { result: true, reason: `${sets} backed up within objective` };
  },
};
