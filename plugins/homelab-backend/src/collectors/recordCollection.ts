import { LoggerService } from '@backstage/backend-plugin-api';
import { CollectionStore, RunOutcome } from '../database/CollectionStore';
import { DatabaseUnavailableError } from '../database/DatabaseUnavailableError';
import { CollectorSource } from './collectorSources';

/** What one collection gathered. */
export interface Collection {
  /** Objects stored, for the run log. */
  itemCount: number;
  /** What could not be read without failing the collection, like a tool that is not installed. */
  warnings: string[];
}

/** One run to record: what it collects, and what stops it. */
export interface CollectionRun {
  source: CollectorSource;
  /** Left out for a source collected from all clusters at once. */
  cluster?: string;
  /** The task's timeout, after which an unfinished run counts as interrupted. */
  timeoutMs: number;
  /** The scheduler's signal: aborted at the task's timeout or when the backend stops. */
  signal?: AbortSignal;
  /** The time the collection is for; now, unless recording answers for a fixed moment. */
  now?: () => Date;
}

/** Thrown when the signal stops a run; the work it abandons can no longer write. */
class RunStopped extends Error {}

/** The work's result, or RunStopped as soon as the signal aborts. */
function untilStopped<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new RunStopped());
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop, { once: true });
    work
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', stop));
  });
}

function failureOutcome(
  error: unknown,
  timeoutMs: number,
): Exclude<RunOutcome, { outcome: 'succeeded' }> {
  if (error instanceof RunStopped) {
    return {
      outcome: 'interrupted',
      error: `interrupted: the scheduler stopped the run, because the backend is stopping or the run reached its timeout of ${Math.round(
        timeoutMs / 1000,
      )} s`,
    };
  }
  const message = (error as Error)?.message ?? String(error);
  return error instanceof DatabaseUnavailableError
    ? { outcome: 'interrupted', error: `interrupted: ${message}` }
    : { outcome: 'failed', error: message };
}

/**
 * Runs one collection and records it: as started before it collects
 * anything, then its end, its outcome and, when it did not succeed, why,
 * which marks the source stale while the last good data stays in place.
 * A run stopped by the scheduler (at its timeout, or because the backend is
 * stopping) or by the database going away is interrupted, not failed; one
 * whose end cannot be recorded is recorded as interrupted by a later run,
 * once the database is back. Failures are recorded, never thrown, so that
 * they cannot stop collections running next to this one.
 */
export async function recordCollection(
  collections: CollectionStore,
  logger: LoggerService,
  target: CollectionRun,
  collect: (collectedAt: Date, signal?: AbortSignal) => Promise<Collection>,
): Promise<void> {
  const { source, cluster, timeoutMs, signal } = target;
  const where = cluster ? ` from cluster "${cluster}"` : '';
  const startedAt = new Date();
  let run;
  try {
    run = await collections.startRun({
      source,
      cluster,
      startedAt,
      deadline: new Date(startedAt.getTime() + timeoutMs),
    });
  } catch (error) {
    logger.warn(`Collecting ${source}${where} did not start: ${error}`);
    return;
  }

  let outcome: RunOutcome;
  try {
    const collectedAt = target.now?.() ?? startedAt;
    const collection = await untilStopped(collect(collectedAt, signal), signal);
    outcome = { outcome: 'succeeded', ...collection };
  } catch (error) {
    const failure = failureOutcome(error, timeoutMs);
    logger.warn(
      `Collecting ${source}${where} ${
        failure.outcome === 'interrupted' ? 'was interrupted' : 'failed'
      }; the last good data is kept: ${failure.error}`,
    );
    outcome = failure;
  }
  try {
    await collections.finishRun(run, new Date(), outcome);
  } catch (error) {
    logger.warn(
      `The end of collecting ${source}${where} could not be recorded; a later run records it as interrupted: ${error}`,
    );
  }
}
