import { homelabPowerReadPermission } from '@homelab/plugin-homelab-common';
import { RouteGroup } from './HomelabApiRouter';

/** The homelab's power: devices' draw, energy and cost, and their shares. */
export const powerRoutes: RouteGroup = (router, context) => {
  const { power, freshness, authorization } = context;

  router.get('/power', async (req, res) => {
    await authorization.require(req, homelabPowerReadPermission);
    // Apps are found through the workloads collected from each cluster.
    const [report, sources] = await Promise.all([
      power.get(),
      freshness.read(['workloads']),
    ]);
    res.json({ power: report, freshness: sources });
  });
};
