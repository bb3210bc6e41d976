import {
  homelabFluxReadPermission,
  homelabPostureReadPermission,
  homelabSloReadPermission,
  homelabTopologyReadPermission,
} from '@homelab/plugin-homelab-common';
import { RouteGroup } from './HomelabApiRouter';

/** How fresh every source is. */
export const freshnessRoutes: RouteGroup = (router, context) => {
  const { freshness, authorization } = context;

  router.get('/freshness', async (req, res) => {
    // Anyone who may read any of the homelab's data may see how fresh it is.
    await authorization.requireAny(
      req,
      [
        homelabPostureReadPermission,
        homelabSloReadPermission,
        homelabFluxReadPermission,
        homelabTopologyReadPermission,
      ],
      'Not allowed to read homelab data',
    );
    res.json({ sources: await freshness.read() });
  });
};
