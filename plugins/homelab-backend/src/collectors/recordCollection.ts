import { LoggerService } from '@backstage/backend-plugin-api';
import { CollectionStore } from '../database/CollectionStore';
import { CollectorSource } from './collectorSources';

/** What one collection gathered. */
export interface Collection {
  /** Objects stored, for the run log. */
  itemCount: number;
  /** What could not be read without failing the collection, like a tool that is not installed. */
  warnings: string[];
}

/**
 * Runs one collection and records the attempt: its time, its outcome and,
 * when it failed, the error, which marks the source stale while the last
 * good data stays in place. Failures are recorded, never thrown, so that
 * they cannot stop collections running next to this one.
 */
export async function recordCollection(
  store: CollectionStore,
  logger: LoggerService,
  target: { source: CollectorSource; cluster?: string },
  collect: (collectedAt: Date) => Promise<Collection>,
  now: () => Date = () => new Date(),
): Promise<void> {
  const startedAt = now();
  const where = target.cluster ? ` from cluster "${target.cluster}"` : '';
  try {
    const { itemCount, warnings } = await collect(startedAt);
    await store.recordRun({
      ...target,
      startedAt,
      finishedAt: new Date(),
      succeeded: true,
      itemCount,
      warnings,
    });
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    logger.warn(
      `Collecting ${target.source}${where} failed; the last good data is kept: ${message}`,
    );
    await store.recordRun({
      ...target,
      startedAt,
      finishedAt: new Date(),
      succeeded: false,
      error: message,
    });
  }
}
