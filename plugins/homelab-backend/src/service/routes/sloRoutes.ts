import { NotFoundError } from '@backstage/errors';
import {
  homelabSloReadPermission,
  SloStatus,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import { StoredSlo } from '../../database/SloStore';
import { printable } from '../printable';
import { RouteGroup } from './HomelabApiRouter';

/**
 * The SLO as served: values of an evaluation that is no longer current are
 * marked stale with the collector's error, never shown as current.
 */
function sloAsServed(
  { definition, status }: StoredSlo,
  freshness: SourceFreshness | undefined,
  withSeries: boolean,
): SloStatus {
  const { series, ...rest } = status;
  const served: SloStatus = {
    slo: definition,
    ...rest,
    ...(withSeries ? { series: series ?? [] } : {}),
  };
  if (freshness?.state === 'stale') {
    return { ...served, state: 'stale', error: freshness.error };
  }
  return served;
}

/** SLOs with their latest evaluation. */
export const sloRoutes: RouteGroup = (router, context) => {
  const { store, authorization } = context;

  router.get('/slos', async (req, res) => {
    await authorization.require(req, homelabSloReadPermission);
    const [slos, freshness] = await Promise.all([
      store.slos.slos({ entityRef: req.query.entityRef }),
      store.collections.freshness(['slo']),
    ]);
    res.json({
      items: slos.map(slo => sloAsServed(slo, freshness[0], false)),
      freshness,
    });
  });

  router.get('/slos/:id', async (req, res) => {
    await authorization.require(req, homelabSloReadPermission);
    const [slo, freshness] = await Promise.all([
      store.slos.slo(req.params.id),
      store.collections.freshness(['slo']),
    ]);
    if (!slo)
      throw new NotFoundError(`No SLO with id ${printable(req.params.id)}`);
    res.json({ slo: sloAsServed(slo, freshness[0], true), freshness });
  });
};
