import { CollectorSource } from '../../collectors/collectorSources';
import { CollectionStore } from '../CollectionStore';

/** Records a run that started and ended at the given times, as a collection would. */
export async function recordRun(
  collections: CollectionStore,
  run: {
    source: CollectorSource;
    cluster?: string;
    startedAt: Date;
    finishedAt: Date;
    succeeded: boolean;
    error?: string;
    warnings?: string[];
  },
): Promise<void> {
  const started = await collections.startRun({
    source: run.source,
    cluster: run.cluster,
    startedAt: run.startedAt,
    deadline: run.finishedAt,
  });
  await collections.finishRun(
    started,
    run.finishedAt,
    run.succeeded
      ? { outcome: 'succeeded', itemCount: 0, warnings: run.warnings ?? [] }
      : { outcome: 'failed', error: run.error ?? 'failed' },
  );
}
