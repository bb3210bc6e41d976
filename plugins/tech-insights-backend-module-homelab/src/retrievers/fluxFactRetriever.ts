import { FluxObject } from '@homelab/plugin-homelab-common';
import { HomelabSources } from '../sources/HomelabSources';
import { freshnessProblem } from './freshnessProblem';
import { oldestCollection } from './oldestCollection';
import {
  collectedAtSchema,
  homelabFactRetriever,
  UNKNOWN_REASON,
} from './homelabFactRetriever';

/** Id (and config key) of the Flux fact retriever. */
export const FLUX_FACTS = 'homelabFluxFactRetriever';

const named = (object: FluxObject) =>
  `${object.cluster}: ${object.kind} ${object.namespace}/${object.name}`;

/**
 * The Flux objects that deploy each app in every cluster (GET
 * /flux/objects), and which of them are not Ready or are suspended.
 */
export const fluxFactRetriever = (sources: HomelabSources) =>
  homelabFactRetriever(sources, {
    id: FLUX_FACTS,
    title: 'Homelab Flux objects',
    description:
      'The Flux objects that deploy each homelab app, and which are not Ready.',
    schema: {
      fluxObjects: { type: 'integer', description: 'Flux objects of it.' },
      notReady: {
        type: 'set',
        description:
          'Those whose Ready condition is not True, with the reason.',
      },
      suspended: { type: 'set', description: 'Those suspended.' },
      ...collectedAtSchema,
    },
    read: ({ homelab }) => homelab.getFluxObjects(),
    factsOf: ({ items, freshness }, { ref }) => {
      const objects = items.filter(object => object.entityRef === ref);
      const clusters = [...new Set(objects.map(object => object.cluster))];
      const problem = freshnessProblem(freshness, 'flux', clusters);
      if (problem) return { [UNKNOWN_REASON]: problem };
      if (!objects.length) {
        return { [UNKNOWN_REASON]: 'no Flux object deploys it' };
      }
      return {
        fluxObjects: objects.length,
        notReady: objects
          .filter(object => object.ready !== 'True')
          .map(
            object =>
              `${named(object)} is ${object.ready}${
                object.reason ? ` (${object.reason})` : ''
              }`,
          ),
        suspended: objects.filter(object => object.suspended).map(named),
        collectedAt: oldestCollection(freshness, 'flux', clusters),
      };
    },
  });
