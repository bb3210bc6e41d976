import path from 'node:path';
import {
  NetboxSnapshot,
  NetboxSource,
  readNetbox,
} from '@homelab/plugin-homelab-node';
import { readKeepingLastGood } from '../sources/readKeepingLastGood';
import { SourceDiscovery } from '../sources/SourceDiscovery';

/**
 * What a refresh knows of one NetBox source, with the snapshot of its last
 * successful read.
 *
 * @public
 */
export interface NetboxDiscovery extends SourceDiscovery {
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
