import { homelabPostureReadPermission } from '@homelab/plugin-homelab-common';
import { RouteGroup } from './HomelabApiRouter';

/** Findings per page when the request does not say. */
const DEFAULT_FINDINGS_LIMIT = 50;
/** Days of posture trend when the request does not say. */
const DEFAULT_TREND_DAYS = 30;

const DAY_MS = 86_400_000;

/** Security posture: current summaries, findings and trends. */
export const postureRoutes: RouteGroup = (router, context) => {
  const { store, freshness, authorization } = context;
  const securityFreshness = () => freshness.read(['security']);

  router.get('/posture/summaries', async (req, res) => {
    await authorization.require(req, homelabPostureReadPermission);
    const { scope, cluster, namespace, entityRef } = req.query;
    const [items, sources] = await Promise.all([
      store.posture.latestSummaries({ scope, cluster, namespace, entityRef }),
      securityFreshness(),
    ]);
    res.json({ items, freshness: sources });
  });

  router.get('/posture/findings', async (req, res) => {
    await authorization.require(req, homelabPostureReadPermission);
    const { cluster, namespace, entityRef, severity, source, search } =
      req.query;
    const offset = req.query.offset ?? 0;
    const limit = req.query.limit ?? DEFAULT_FINDINGS_LIMIT;
    const [page, sources] = await Promise.all([
      store.posture.findings(
        {
          cluster,
          namespace,
          entityRef,
          search,
          severities: severity ? [...severity] : undefined,
          sources: source ? [...source] : undefined,
        },
        { offset, limit },
      ),
      securityFreshness(),
    ]);
    res.json({ ...page, offset, limit, freshness: sources });
  });

  router.get('/posture/trend', async (req, res) => {
    await authorization.require(req, homelabPostureReadPermission);
    const days = req.query.days ?? DEFAULT_TREND_DAYS;
    const since = new Date(Date.now() - days * DAY_MS);
    const [points, sources] = await Promise.all([
      store.posture.postureTrend(req.query.scope, req.query.key, since),
      securityFreshness(),
    ]);
    res.json({ points, freshness: sources });
  });
};
