import path from 'node:path';
import {
  ProxmoxResource,
  ProxmoxSource,
  readClusterResources,
} from '@homelab/plugin-homelab-node';
import { readKeepingLastGood } from '../sources/readKeepingLastGood';

/**
 * What a refresh knows of one Proxmox VE source. ok: read on this run;
 * failed: this run's read failed, and the resources are those of the last
 * successful read (stale from lastSuccessAt), or none if it never succeeded.
 *
 * @public
 */
export interface ProxmoxDiscovery {
  /** The source, as homelab.inventory.proxmox names it. */
  source: string;
  /** Where it was read, as a Backstage location: `url:` and the API, or `file:` and the recorded answer. */
  location: string;
  /** ok: read on this run; failed: this run's read failed. */
  state: 'ok' | 'failed';
  /** When this run read (or tried to read) the source. */
  checkedAt: string;
  /** When the source was last read successfully. */
  lastSuccessAt?: string;
  /** Why this run's read failed. */
  error?: string;
  /** What the last successful read returned. */
  resources: ProxmoxResource[];
}

/**
 * Reads every source at once, each on its own: one server down never holds
 * up another, and a failed read keeps the last good resources, never passed
 * off as current.
 */
export async function discoverProxmox(
  sources: ProxmoxSource[],
  previous: readonly ProxmoxDiscovery[],
  now: Date,
): Promise<ProxmoxDiscovery[]> {
  return Promise.all(
    sources.map(async (source): Promise<ProxmoxDiscovery> => {
      const before = previous.find(d => d.source === source.name);
      const { data, ...reading } = await readKeepingLastGood(
        () => readClusterResources(source),
        before && { ...before, data: before.resources },
        now,
      );
      return {
        source: source.name,
        location:
          'api' in source
            ? `url:${source.api.url}`
            : `file:${path.resolve(source.recordedResources)}`,
        ...reading,
        resources: data ?? [],
      };
    }),
  );
}
