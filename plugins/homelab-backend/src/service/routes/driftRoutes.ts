import { homelabDriftReadPermission } from '@homelab/plugin-homelab-common';
import { readDrift } from '../servedViews';
import { RouteGroup } from './HomelabApiRouter';

/** Which version of each app runs in each environment. */
export const driftRoutes: RouteGroup = (router, context) => {
  router.get('/drift', async (req, res) => {
    await context.authorization.require(req, homelabDriftReadPermission);
    res.json(await readDrift(context, req.query.entityRef));
  });
};
