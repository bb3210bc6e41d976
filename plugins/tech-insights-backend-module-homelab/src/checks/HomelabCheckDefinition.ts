import { Check } from '@backstage-community/plugin-tech-insights-common';

/**
 * A check's verdict: true passed, false failed, null not known (the facts
 * are missing, stale or cover nothing), always with the reason in words.
 */
export interface Verdict {
  result: boolean | null;
  reason: string;
}

/** The facts of one retriever for one entity, as tech-insights stored them. */
export type StoredFacts = Record<string, unknown>;

/**
 * A homelab check: what tech-insights lists (one fact retriever's facts
 * each), and how it judges those facts once they are known.
 */
export interface HomelabCheckDefinition {
  check: Check & { factIds: [string] };
  evaluate(facts: StoredFacts): Verdict;
}
