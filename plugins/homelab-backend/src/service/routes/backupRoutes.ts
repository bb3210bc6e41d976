import {
  homelabBackupReadPermission,
  homelabCertificateReadPermission,
} from '@homelab/plugin-homelab-common';
import { RouteGroup } from './HomelabApiRouter';

/** Items per page when the request does not say. */
const DEFAULT_LIMIT = 50;

/** One page of items, and how many there are. */
function page<T>(items: T[], offset: number, limit: number) {
  return {
    items: items.slice(offset, offset + limit),
    totalCount: items.length,
    offset,
    limit,
  };
}

/** Backups and certificates, judged at the time of the request, worst first. */
export const backupRoutes: RouteGroup = (router, context) => {
  const { recovery, freshness, authorization } = context;

  router.get('/backups', async (req, res) => {
    await authorization.require(req, homelabBackupReadPermission);
    const { cluster, namespace, entityRef, state } = req.query;
    const sources = await freshness.read(['backups']);
    const items = await recovery.backupSets(
      { cluster, namespace, entityRef, states: state ? [...state] : undefined },
      sources,
      new Date(),
    );
    const { offset = 0, limit = DEFAULT_LIMIT } = req.query;
    res.json({ ...page(items, offset, limit), freshness: sources });
  });

  router.get('/certificates', async (req, res) => {
    await authorization.require(req, homelabCertificateReadPermission);
    const { cluster, namespace, entityRef, state } = req.query;
    const sources = await freshness.read(['certificates']);
    const items = await recovery.certificates(
      { cluster, namespace, entityRef, states: state ? [...state] : undefined },
      sources,
      new Date(),
    );
    const { offset = 0, limit = DEFAULT_LIMIT } = req.query;
    res.json({ ...page(items, offset, limit), freshness: sources });
  });
};
