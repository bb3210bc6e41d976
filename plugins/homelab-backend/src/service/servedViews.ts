import {
  AppDrift,
  appEntityRefs,
  Finding,
  SloStatus,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import { computeDrift } from '../drift/computeDrift';
import { StoredSlo } from '../database/SloStore';
import { RouteContext } from './routes/HomelabApiRouter';

type Reads = Pick<RouteContext, 'store' | 'freshness' | 'views'>;

/**
 * The SLO as served: values of an evaluation that is no longer current are
 * marked stale with the collector's error, never shown as current.
 */
export function sloAsServed(
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

/** Which version of each app runs in each environment, as GET /drift serves it. */
export async function readDrift(
  { store, freshness, views }: Reads,
  entityRef?: string,
): Promise<{
  environments: string[];
  apps: AppDrift[];
  freshness: SourceFreshness[];
}> {
  const [model, objects, sources] = await Promise.all([
    views.model.get(),
    store.flux.fluxObjects(),
    freshness.read(['flux']),
  ]);
  const apps = computeDrift(
    objects,
    model.clusterEnvironments,
    model.environmentOrder,
  ).filter(app => !entityRef || appEntityRefs(app).includes(entityRef));
  return { environments: model.environmentOrder, apps, freshness: sources };
}

/** Every SLO with its latest evaluation, as GET /slos serves them. */
export async function readSlos(
  { store, freshness }: Reads,
  entityRef?: string,
): Promise<{ items: SloStatus[]; freshness: SourceFreshness[] }> {
  const [slos, sources] = await Promise.all([
    store.slos.slos({ entityRef }),
    freshness.read(['slo']),
  ]);
  return {
    items: slos.map(slo => sloAsServed(slo, sources[0], false)),
    freshness: sources,
  };
}

/** The critical findings of the workloads in a namespace of a cluster, with the security freshness. */
export async function readCriticalFindings(
  { store, freshness }: Reads,
  cluster: string,
  namespace: string,
): Promise<{ items: Finding[]; freshness: SourceFreshness[] }> {
  const [page, sources] = await Promise.all([
    store.posture.findings(
      { cluster, namespace, severities: ['critical'] },
      { offset: 0, limit: 500 },
    ),
    freshness.read(['security']),
  ]);
  return { items: page.items, freshness: sources };
}
