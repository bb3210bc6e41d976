import { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { DateTime } from 'luxon';
import { HomelabSources } from '../sources/HomelabSources';
import { ScoredEntity } from '../sources/scoredEntities';

/** Fact values of one entity; a fact left undefined is not stored. */
type FactValues = Record<
  string,
  number | string | boolean | string[] | undefined
>;

/** The fact every homelab retriever may set: why its other facts are not known. */
export const UNKNOWN_REASON = 'unknownReason';

const unknownReasonSchema: FactSchema = {
  [UNKNOWN_REASON]: {
    type: 'string',
    description:
      'Why the other facts are not known (the source is stale, never collected or did not answer, or covers nothing of the entity); absent when they are.',
  },
};

/** The fact of when the data judged was collected (checked, for inventories). */
export const collectedAtSchema: FactSchema = {
  collectedAt: {
    type: 'datetime',
    description:
      'When the oldest of the data these facts come from was collected: they are true as of then.',
  },
};

/** One homelab fact retriever: what it reads once per run, and each entity's facts from that. */
interface HomelabFactRetrieverOptions<Answer> {
  id: string;
  title: string;
  description: string;
  schema: FactSchema;
  read: (sources: HomelabSources) => Promise<Answer>;
  factsOf: (answer: Answer, entity: ScoredEntity) => FactValues;
}

const defined = (values: FactValues) =>
  Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as TechInsightFact['facts'];

/**
 * A fact retriever over homelab-backend (or the homelab catalog module):
 * lists the entities scored, reads its source once, and gives each entity
 * its facts. A source that does not answer makes every entity's facts
 * unknown with the error as the reason, never zero or passing; the facts
 * stored before stay in tech-insights' history.
 */
export function homelabFactRetriever<Answer>(
  sources: HomelabSources,
  options: HomelabFactRetrieverOptions<Answer>,
): FactRetriever {
  const { id, title, description, schema, read, factsOf } = options;
  return {
    id,
    version: '0.1.0',
    title,
    description,
    schema: { ...schema, ...unknownReasonSchema },
    handler: async () => {
      const entities = await sources.entities();
      // Set here, as an ISO time: the time tech-insights' database puts in
      // by default reads back only on PostgreSQL (SQLite's is not ISO).
      const timestamp = DateTime.utc();
      let answer: Answer;
      try {
        answer = await read(sources);
      } catch (error) {
        const reason = `${title} could not be read: ${
          (error as Error).message
        }`;
        return entities.map(({ entity }) => ({
          entity,
          facts: { [UNKNOWN_REASON]: reason },
          timestamp,
        }));
      }
      return entities.map(scored => ({
        entity: scored.entity,
        facts: defined(factsOf(answer, scored)),
        timestamp,
      }));
    },
  };
}
