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
  const { store, freshness, authorization } = context;

  router.get('/slos', async (req, res) => {
    await authorization.require(req, homelabSloReadPermission);
    const [slos, sources] = await Promise.all([
      store.slos.slos({ entityRef: req.query.entityRef }),
      freshness.read(['slo']),
    ]);
    res.json({
      items: slos.map(slo => sloAsServed(slo, sources[0], false)),
      freshness: sources,
    });
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
