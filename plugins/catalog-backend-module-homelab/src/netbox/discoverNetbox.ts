import path from 'node:path';
import {
  NetboxSnapshot,
  NetboxSource,
  readNetbox,
} from '@homelab/plugin-homelab-node';
import { readKeepingLastGood } from '../sources/readKeepingLastGood';

/**
 * What a refresh knows of one NetBox source. ok: read on this run; failed:
 * this run's read failed, and the snapshot is that of the last successful
 * read (stale from lastSuccessAt), or absent if it never succeeded.
 *
 * @public
 */
export interface NetboxDiscovery {
  /** The source, as homelab.inventory.netbox names it. */
  source: string;
  /** Where it was read, as a Backstage location: `url:` and the API, or `file:` and the recorded answers. */
  location: string;
  /** ok: read on this run; failed: this run's read failed. */
  state: 'ok' | 'failed';
  /** When this run read (or tried to read) the source. */
  checkedAt: string;
  /** When the source was last read successfully. */
  lastSuccessAt?: string;
  /** Why this run's read failed. */
  error?: string;
  /** What the last successful read returned, kept so a restart during an outage loses nothing. */
  snapshot?: NetboxSnapshot;
}

/**
 * Reads every NetBox at once, each on its own; a failed read keeps the last
 * good snapshot, marked failed with the time and the reason.
 */
export async function discoverNetbox(
  sources: NetboxSource[],
  previous: readonly NetboxDiscovery[],
  now: Date,
  signal?: AbortSignal,
): Promise<NetboxDiscovery[]> {
  return Promise.all(
    sources.map(async (source): Promise<NetboxDiscovery> => {
      const before = previous.find(d => d.source === source.name);
      const { data, ...reading } = await readKeepingLastGood(
        () => readNetbox(source, signal),
        before && { ...before, data: before.snapshot },
        now,
      );
      return {
        source: source.name,
        location:
          'api' in source
            ? `url:${source.api.url}`
            : `file:${path.resolve(source.recorded)}`,
        ...reading,
        ...(data ? { snapshot: data } : {}),
      };
    }),
  );
}
