import { NotFoundError } from '@backstage/errors';
import { homelabSloReadPermission } from '@homelab/plugin-homelab-common';
import { printable } from '../printable';
import { readSlos, sloAsServed } from '../servedViews';
import { RouteGroup } from './HomelabApiRouter';

/** SLOs with their latest evaluation. */
export const sloRoutes: RouteGroup = (router, context) => {
  const { store, freshness, authorization } = context;

  router.get('/slos', async (req, res) => {
    await authorization.require(req, homelabSloReadPermission);
    res.json(await readSlos(context, req.query.entityRef));
  });

  router.get('/slos/:id', async (req, res) => {
    await authorization.require(req, homelabSloReadPermission);
    const [slo, sources] = await Promise.all([
      store.slos.slo(req.params.id),
      freshness.read(['slo']),
    ]);
    if (!slo)
      throw new NotFoundError(`No SLO with id ${printable(req.params.id)}`);
    res.json({ slo: sloAsServed(slo, sources[0], true), freshness: sources });
  });
};
