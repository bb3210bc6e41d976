import { SourceFreshness } from '@homelab/plugin-homelab-common';

/** One page of a paged homelab-backend list. */
interface Page<T> {
  items: T[];
  totalCount: number;
  freshness: SourceFreshness[];
}

/** The largest page the paged lists serve. */
const PAGE_SIZE = 500;

/** Every item of a paged list, with the freshness of its first page. */
export async function allPages<T>(
  page: (query: { offset: number; limit: number }) => Promise<Page<T>>,
): Promise<{ items: T[]; freshness: SourceFreshness[] }> {
  const first = await page({ offset: 0, limit: PAGE_SIZE });
  const items = [...first.items];
  while (items.length < first.totalCount) {
    const next = await page({ offset: items.length, limit: PAGE_SIZE });
    if (!next.items.length) break;
    items.push(...next.items);
  }
  return { items, freshness: first.freshness };
}
