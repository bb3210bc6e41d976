import { homelabTopologyReadPermission } from '@homelab/plugin-homelab-common';
import { readBlastRadius } from '../../blastRadius/readBlastRadius';
import { RouteGroup } from './HomelabApiRouter';

/** What goes down with a resource, read like the topology it is worked out from. */
export const blastRadiusRoutes: RouteGroup = (router, context) => {
  router.get('/blast-radius', async (req, res) => {
    await context.authorization.require(req, homelabTopologyReadPermission);
    res.json(
      await readBlastRadius(
        context,
        req.query.entityRef,
        req.query.mode ?? 'failure',
      ),
    );
  });
};
