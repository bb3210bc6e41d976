import { SourceFreshness } from '@homelab/plugin-homelab-common';

/**
 * Why data of a source (for the given clusters, or all) cannot be trusted
 * now: a stale collection with its error and the time of its data, or none
 * yet. Undefined when every entry is fresh.
 */
export function freshnessProblem(
  freshness: SourceFreshness[],
  source: string,
  clusters?: string[],
): string | undefined {
  const problems = freshness
    .filter(
      entry =>
        entry.source === source &&
        entry.state !== 'fresh' &&
        (!clusters || !entry.cluster || clusters.includes(entry.cluster)),
    )
    .map(entry => {
      const where = entry.cluster ? ` in ${entry.cluster}` : '';
      return entry.state === 'stale'
        ? `${source}${where} is stale (data from ${
            entry.collectedAt ?? 'never'
          }${entry.error ? `; ${entry.error}` : ''})`
        : `${source}${where} has not been collected yet`;
    });
  return problems.length ? problems.join('; ') : undefined;
}
