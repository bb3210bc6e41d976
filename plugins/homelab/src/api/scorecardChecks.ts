import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';

/**
 * One check of an entity's homelab scorecard as the tech-insights backend
 * answers it with the homelab module's fact checker (its HomelabCheckResult):
 * result true passed, false failed, null not known, always with the reason.
 */
export interface ScorecardResult {
  check: { id: string; name: string; description: string };
  result: boolean | null;
  reason: string;
  /** When the facts judged were retrieved; absent when there are none. */
  retrievedAt?: string;
  /** When the data the facts come from was collected. */
  collectedAt?: string;
}

/**
 * Runs every check of the tech-insights backend on the entity
 * (POST /api/tech-insights/checks/run/:namespace/:kind/:name).
 */
export async function runScorecardChecks(
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> },
  fetchApi: { fetch: typeof fetch },
  entity: CompoundEntityRef,
): Promise<ScorecardResult[]> {
  const baseUrl = await discoveryApi.getBaseUrl('tech-insights');
  const path = [entity.namespace, entity.kind, entity.name]
    .map(encodeURIComponent)
    .join('/');
  const response = await fetchApi.fetch(`${baseUrl}/checks/run/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({}),
  });
  if (!response.ok) throw await ResponseError.fromResponse(response);
  return response.json();
}
