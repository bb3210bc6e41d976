import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { HomelabSources } from '../sources/HomelabSources';
import { backupFactRetriever } from './backupFactRetriever';
import { certificateFactRetriever } from './certificateFactRetriever';
import { fluxFactRetriever } from './fluxFactRetriever';
import { inventoryFactRetriever } from './inventoryFactRetriever';
import { sloFactRetriever } from './sloFactRetriever';
import { vulnerabilityFactRetriever } from './vulnerabilityFactRetriever';

/** Every homelab fact retriever, by id, as tech-insights registers them. */
export function homelabFactRetrievers(
  sources: HomelabSources,
): Record<string, FactRetriever> {
  const all = [
    sloFactRetriever,
    backupFactRetriever,
    vulnerabilityFactRetriever,
    fluxFactRetriever,
    certificateFactRetriever,
    inventoryFactRetriever,
  ].map(create => create(sources));
  return Object.fromEntries(all.map(retriever => [retriever.id, retriever]));
}
