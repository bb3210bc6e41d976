import { homelabCapacityReadPermission } from '@homelab/plugin-homelab-common';
import { RouteGroup } from './HomelabApiRouter';

/** The homelab's capacity: nodes', clusters' and hypervisors' headroom. */
export const capacityRoutes: RouteGroup = (router, context) => {
  const { capacity, freshness, authorization } = context;

  router.get('/capacity', async (req, res) => {
    await authorization.require(req, homelabCapacityReadPermission);
    // Allocatable and requests come with the workloads collected from each cluster.
    const [report, sources] = await Promise.all([
      capacity.get(),
      freshness.read(['workloads']),
    ]);
    res.json({ capacity: report, freshness: sources });
  });
};
