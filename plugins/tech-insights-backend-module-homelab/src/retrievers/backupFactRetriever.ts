import { HomelabSources } from '../sources/HomelabSources';
import { allPages } from './allPages';
import { freshnessProblem } from './freshnessProblem';
import { oldestCollection } from './oldestCollection';
import {
  collectedAtSchema,
  homelabFactRetriever,
  UNKNOWN_REASON,
} from './homelabFactRetriever';

/** Id (and config key) of the backup fact retriever. */
export const BACKUP_FACTS = 'homelabBackupFactRetriever';

/**
 * The backups that hold each app's data (GET /backups: Velero schedules,
 * Longhorn volumes and k3s etcd snapshots, judged by homelab-backend
 * against the inventory's recovery point objectives), and those not ok.
 */
export const backupFactRetriever = (sources: HomelabSources) =>
  homelabFactRetriever(sources, {
    id: BACKUP_FACTS,
    title: 'Homelab backups',
    description:
      'The backups of each homelab app, and those failed, missed or outside their recovery point objective.',
    schema: {
      backupSets: {
        type: 'integer',
        description:
          'Backup schedules, volumes and snapshot sets that hold its data.',
      },
      notOk: {
        type: 'set',
        description:
          'Those failed, missed, never succeeded or outside the RPO, with the reason.',
      },
      ...collectedAtSchema,
    },
    read: ({ homelab }) => allPages(query => homelab.getBackups(query)),
    factsOf: ({ items, freshness }, { ref }) => {
      const sets = items.filter(set => set.entityRefs.includes(ref));
      const clusters = [...new Set(sets.map(set => set.cluster))];
      // With none of its own, every cluster's collection must be fresh to say so.
      const scope = clusters.length ? clusters : undefined;
      const problem = freshnessProblem(freshness, 'backups', scope);
      if (problem) return { [UNKNOWN_REASON]: problem };
      return {
        backupSets: sets.length,
        notOk: sets
          .filter(set => set.state !== 'ok')
          .map(set => `${set.id}: ${set.reason}`),
        collectedAt: oldestCollection(freshness, 'backups', scope),
      };
    },
  });
