import { homelabTopologyReadPermission } from '@homelab/plugin-homelab-common';
import { Response } from 'express';
import { RouteGroup } from './HomelabApiRouter';

/** The homelab as a graph. */
export const topologyRoutes: RouteGroup = (router, context) => {
  const { views, authorization } = context;

  router.get('/topology', async (req, res) => {
    await authorization.require(req, homelabTopologyReadPermission);
    // The graph is kept serialised, so that it is not serialised per request.
    (res as Response).type('application/json').send(await views.topology.get());
  });
};
