/**
 * What one refresh knows of a live source. ok: read on this run; failed:
 * this run's read failed, and the data is that of the last successful read
 * (stale from lastSuccessAt), or none if it never succeeded.
 */
interface SourceReading<T> {
  state: 'ok' | 'failed';
  /** When this run read (or tried to read) the source. */
  checkedAt: string;
  /** When the source was last read successfully. */
  lastSuccessAt?: string;
  /** Why this run's read failed. */
  error?: string;
  /** What the last successful read returned; absent if none ever did. */
  data?: T;
}

/**
 * Reads a source, and when the read fails keeps what the previous
 * successful read returned, marked failed with the time and the reason:
 * stale data is never passed off as current, and never thrown away.
 */
export async function readKeepingLastGood<T>(
  read: () => Promise<T>,
  previous: { lastSuccessAt?: string; data?: T } | undefined,
  now: Date,
): Promise<SourceReading<T>> {
  const checkedAt = now.toISOString();
  try {
    const data = await read();
    return { state: 'ok', checkedAt, lastSuccessAt: checkedAt, data };
  } catch (error) {
    return {
      state: 'failed',
      checkedAt,
      lastSuccessAt: previous?.lastSuccessAt,
      error: (error as Error).message,
      data: previous?.data,
    };
  }
}
