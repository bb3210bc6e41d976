import { homelabDriftReadPermission } from '@homelab/plugin-homelab-common';
import { previewPromotion } from '../../promotion/previewPromotion';
import { servedGateData } from '../../promotion/servedGateData';
import { RouteGroup } from './HomelabApiRouter';

/** Promotions: what one would change, before anything is written. */
export const promotionRoutes: RouteGroup = (router, context) => {
  router.post('/promotions/preview', async (req, res) => {
    await context.authorization.require(req, homelabDriftReadPermission);
    res.json(
      await previewPromotion(req.body, {
        settings: context.promotion,
        urlReader: context.urlReader,
        gates: servedGateData(context, req),
      }),
    );
  });
};
