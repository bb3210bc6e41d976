import {
  CheckResult,
  FactResponse,
} from '@backstage-community/plugin-tech-insights-common';
import {
  CheckValidationResponse,
  FactChecker,
  FactCheckerFactory,
  FlatTechInsightFact,
  TechInsightsStore,
} from '@backstage-community/plugin-tech-insights-node';
import { UNKNOWN_REASON } from '../retrievers/homelabFactRetriever';
import { HomelabCheckDefinition, Verdict } from './HomelabCheckDefinition';
import { homelabChecks } from './homelabChecks';

/**
 * A homelab check's result: tech-insights' CheckResult whose result is
 * true (passed), false (failed) or null (not known), with the reason and
 * when its facts were retrieved.
 *
 * @public
 */
export type HomelabCheckResult = CheckResult & {
  result: boolean | null;
  reason: string;
  retrievedAt?: string;
  /** When the data judged was collected (the collectedAt fact). */
  collectedAt?: string;
};

type HomelabCheck = HomelabCheckDefinition['check'];

/** The verdict on one entity's stored facts, unknown where they say so or are missing. */
function judge(
  definition: HomelabCheckDefinition,
  row: FlatTechInsightFact | undefined,
): Verdict {
  if (!row) {
    return {
      result: null,
      reason: `no facts retrieved yet (${definition.check.factIds[0]})`,
    };
  }
  const unknown = row.facts[UNKNOWN_REASON];
  if (typeof unknown === 'string') return { result: null, reason: unknown };
  return definition.evaluate(row.facts);
}

const factType = (value: unknown): FactResponse[string]['type'] => {
  if (Array.isArray(value)) return 'set';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'float';
  return typeof value === 'boolean' ? 'boolean' : 'string';
};

const collectedAtOf = (row: FlatTechInsightFact | undefined) =>
  typeof row?.facts.collectedAt === 'string'
    ? row.facts.collectedAt
    : undefined;

/** The facts a result shows, each value as stored. */
function factResponse(row: FlatTechInsightFact | undefined): FactResponse {
  return Object.fromEntries(
    Object.entries(row?.facts ?? {}).map(([name, value]) => [
      name,
      {
        id: name,
        type: factType(value),
        description: name,
        value: value as FactResponse[string]['value'],
      },
    ]),
  );
}

/**
 * Runs the homelab checks against the latest facts tech-insights stored
 * for an entity. The checks are fixed (see homelabChecks), so a check of
 * any other shape does not validate.
 */
export class HomelabFactChecker
  implements FactChecker<HomelabCheck, HomelabCheckResult>
{
  constructor(private readonly store: TechInsightsStore) {}

  async getChecks(): Promise<HomelabCheck[]> {
    return homelabChecks.map(definition => definition.check);
  }

  async validate(check: HomelabCheck): Promise<CheckValidationResponse> {
    const valid = homelabChecks.some(d => d.check.id === check.id);
    return valid
      ? { valid }
      : { valid, message: `${check.id} is not a homelab check` };
  }

  async runChecks(
    entity: string,
    checks?: string[],
  ): Promise<HomelabCheckResult[]> {
    const definitions = checks?.length
      ? homelabChecks.filter(d => checks.includes(d.check.id))
      : homelabChecks;
    const rows = await this.store.getLatestFactsByIds(
      [...new Set(definitions.map(d => d.check.factIds[0]))],
      entity,
    );
    return definitions.map(definition => {
      const row = rows[definition.check.factIds[0]];
      return {
        check: definition.check,
        facts: factResponse(row),
        ...judge(definition, row),
        retrievedAt: row?.timestamp?.toISO() ?? undefined,
        collectedAt: collectedAtOf(row),
      };
    });
  }
}

/** Makes the homelab fact checker on tech-insights' store. */
export const homelabFactCheckerFactory: FactCheckerFactory<
  HomelabCheck,
  HomelabCheckResult
> = { construct: store => new HomelabFactChecker(store) };
