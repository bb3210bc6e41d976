import { homelabDriftReadPermission } from '@homelab/plugin-homelab-common';
import { computeDrift } from '../../drift/computeDrift';
import { RouteGroup } from './HomelabApiRouter';

/** Which version of each app runs in each environment. */
export const driftRoutes: RouteGroup = (router, context) => {
  const { store, freshness, views, authorization } = context;

  router.get('/drift', async (req, res) => {
    await authorization.require(req, homelabDriftReadPermission);
    const [model, objects, sources] = await Promise.all([
      views.model.get(),
      store.flux.fluxObjects(),
      freshness.read(['flux']),
    ]);
    const apps = computeDrift(
      objects,
      model.clusterEnvironments,
      model.environmentOrder,
    ).filter(
      app => !req.query.entityRef || app.entityRef === req.query.entityRef,
    );
    res.json({
      environments: model.environmentOrder,
      apps,
      freshness: sources,
    });
  });
};
