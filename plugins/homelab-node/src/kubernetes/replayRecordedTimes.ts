/** An RFC 3339 time as Kubernetes writes it: to the second, or finer, in UTC or with an offset. */
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** A time moved by `shiftMs`, written as Kubernetes writes times: in UTC, to the second unless it had a fraction. */
function shifted(time: string, shiftMs: number): string {
  const moved = new Date(Date.parse(time) + shiftMs).toISOString();
  return /\.\d+/.test(time) ? moved : moved.replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Recorded objects as if recorded now: every time in them (creation
 * times, conditions, a backup's completion, a certificate's expiry) moved
 * forward by the whole seconds since `recordedAt`, so that the ages and
 * deadlines they state are the ones they stated when recorded. Only whole
 * strings that are times move; a time within a name (a Velero backup's
 * "daily-apps-20261202030000") stays as recorded.
 */
export function replayRecordedTimes<T>(
  value: T,
  recordedAt: Date,
  now: Date,
): T {
  const shiftMs =
    Math.floor((now.getTime() - recordedAt.getTime()) / 1000) * 1000;
  const replay = (item: unknown): unknown => {
    if (typeof item === 'string')
      return RFC3339.test(item) ? shifted(item, shiftMs) : item;
    if (Array.isArray(item)) return item.map(replay);
    if (item && typeof item === 'object') {
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(item))
        copy[key] = replay((item as Record<string, unknown>)[key]);
      return copy;
    }
    return item;
  };
  return replay(value) as T;
}
