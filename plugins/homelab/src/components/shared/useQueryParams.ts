import { useSearchParams } from 'react-router-dom';

/** New values of query parameters: a list repeats one, nothing or "" removes it. */
type QueryChanges = Record<string, string | string[] | undefined>;

/**
 * The page's query parameters, where its filters and selection live so a
 * view can be shared, and a way to change some of them. Changes replace the
 * history entry, so Back leaves the page instead of stepping through filters.
 */
export function useQueryParams() {
  const [params, setParams] = useSearchParams();
  const update = (changes: QueryChanges) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item) next.append(key, item);
      }
    }
    setParams(next, { replace: true });
  };
  return [params, update] as const;
}
