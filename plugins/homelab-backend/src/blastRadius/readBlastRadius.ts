import { NotFoundError } from '@backstage/errors';
import { BlastRadius, BlastRadiusMode } from '@homelab/plugin-homelab-common';
import { RouteContext } from '../service/routes/HomelabApiRouter';
import { printable } from '../service/printable';

/**
 * The blast radius of a catalog resource, as GET /blast-radius serves it,
 * with the SLOs of the apps that stop or run on fewer pods.
 */
export async function readBlastRadius(
  {
    store,
    freshness,
    views,
  }: Pick<RouteContext, 'store' | 'freshness' | 'views'>,
  entityRef: string,
  mode: BlastRadiusMode,
): Promise<BlastRadius> {
  const [estate, sources, slos] = await Promise.all([
    views.estate.get(),
    freshness.read(['workloads']),
    store.slos.slos(),
  ]);
  const radius = estate.radiusOf(entityRef, mode, { freshness: sources });
  if (!radius) {
    throw new NotFoundError(
      `No homelab resource "${printable(entityRef)}" in the catalog`,
    );
  }
  const touched = new Map(
    radius.apps
      .filter(app => app.effect !== 'moves')
      .map(app => [app.entityRef, app.effect]),
  );
  radius.slos = slos.flatMap(({ definition }) => {
    const effect = definition.entityRef && touched.get(definition.entityRef);
    if (!effect) return [];
    return [
      {
        id: definition.id,
        title: definition.displayName ?? definition.name,
        entityRef: definition.entityRef,
        effect,
      },
    ];
  });
  return radius;
}
