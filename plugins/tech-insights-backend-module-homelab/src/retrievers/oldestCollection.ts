import { SourceFreshness } from '@homelab/plugin-homelab-common';

/**
 * When the oldest data of a source (for the given clusters, or all) was
 * collected: the time a fact from it is true as of.
 */
export function oldestCollection(
  freshness: SourceFreshness[],
  source: string,
  clusters?: string[],
): string | undefined {
  return freshness
    .filter(
      entry =>
        entry.source === source &&
        (!clusters || !entry.cluster || clusters.includes(entry.cluster)),
    )
    .map(entry => entry.collectedAt)
    .filter((time): time is string => !!time)
    .sort()[0];
}
