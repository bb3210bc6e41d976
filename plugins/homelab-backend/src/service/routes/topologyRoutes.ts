import { NotFoundError } from '@backstage/errors';
import { homelabTopologyReadPermission } from '@homelab/plugin-homelab-common';
import { Request, Response } from 'express';
import { printable } from '../printable';
import { sendPrepared } from '../sendPrepared';
import { RouteGroup } from './HomelabApiRouter';

/**
 * The homelab as a graph: whole, or the overview with workloads folded into
 * their namespaces, and each cluster's workloads on their own, so that a
 * client fetches only what it draws. Every view is prepared when the graph
 * is built, never per request.
 */
export const topologyRoutes: RouteGroup = (router, context) => {
  const { views, authorization } = context;

  router.get('/topology', async (req, res) => {
    await authorization.require(req, homelabTopologyReadPermission);
    const topology = await views.topology.get();
    sendPrepared(
      req as Request,
      res as Response,
      req.query.workloads === 'folded' ? topology.folded : topology.full,
    );
  });

  router.get('/topology/clusters/:cluster/workloads', async (req, res) => {
    await authorization.require(req, homelabTopologyReadPermission);
    const { cluster } = req.params;
    const part = (await views.topology.get()).clusterWorkloads.get(cluster);
    if (!part) {
      throw new NotFoundError(
        `The topology has no cluster named "${printable(cluster)}"`,
      );
    }
    sendPrepared(req as Request, res as Response, part);
  });
};
