import { SourceFreshness } from '@homelab/plugin-homelab-common';
import { CollectorSource } from '../collectors/collectorSources';
import { CollectorSettings } from '../config';
import { CollectionStore } from '../database/CollectionStore';

/**
 * Source freshness as the API serves it: as the runs left it, except that
 * data not refreshed within its collector's staleAfterMs is stale, whatever
 * kept it from being refreshed (a scheduler that stopped, runs that never
 * ended, a database that could not be written).
 */
export class FreshnessReader {
  constructor(
    private readonly collections: Pick<CollectionStore, 'freshness'>,
    private readonly collectors: Record<
      CollectorSource,
      Pick<CollectorSettings, 'staleAfterMs'>
    >,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The freshness of the sources, or of every source, ordered by source and cluster. */
  async read(sources?: CollectorSource[]): Promise<SourceFreshness[]> {
    const now = this.now().getTime();
    return (await this.collections.freshness(sources)).map(entry => {
      const allowedMs =
        this.collectors[entry.source as CollectorSource]?.staleAfterMs;
      if (entry.state !== 'fresh' || !entry.collectedAt || !allowedMs)
        return entry;
      const ageMs = now - Date.parse(entry.collectedAt);
      if (ageMs <= allowedMs) return entry;
      return {
        ...entry,
        state: 'stale',
        error: `not refreshed for ${Math.round(
          ageMs / 1000,
        )} s, longer than the ${Math.round(
          allowedMs / 1000,
        )} s its schedule allows`,
      };
    });
  }
}
