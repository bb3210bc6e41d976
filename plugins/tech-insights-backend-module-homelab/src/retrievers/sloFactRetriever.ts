import { HomelabSources } from '../sources/HomelabSources';
import { freshnessProblem } from './freshnessProblem';
import { oldestCollection } from './oldestCollection';
import {
  collectedAtSchema,
  homelabFactRetriever,
  UNKNOWN_REASON,
} from './homelabFactRetriever';

/** Id (and config key) of the SLO fact retriever. */
export const SLO_FACTS = 'homelabSloFactRetriever';

/**
 * Each app's SLOs, as homelab-backend reads them from OpenSLO documents and
 * Sloth or Pyrra objects (GET /slos).
 */
export const sloFactRetriever = (sources: HomelabSources) =>
  homelabFactRetriever(sources, {
    id: SLO_FACTS,
    title: 'Homelab SLOs',
    description: 'The SLOs homelab-backend knows for each homelab app.',
    schema: {
      sloCount: { type: 'integer', description: 'SLOs defined for it.' },
      slos: { type: 'set', description: 'Their names.' },
      ...collectedAtSchema,
    },
    read: ({ homelab }) => homelab.getSlos(),
    factsOf: ({ items, freshness }, { ref }) => {
      const problem = freshnessProblem(freshness, 'slo');
      if (problem) return { [UNKNOWN_REASON]: problem };
      const slos = items.filter(status => status.slo.entityRef === ref);
      return {
        sloCount: slos.length,
        slos: slos.map(({ slo }) => slo.displayName ?? slo.name),
        collectedAt: oldestCollection(freshness, 'slo'),
      };
    },
  });
