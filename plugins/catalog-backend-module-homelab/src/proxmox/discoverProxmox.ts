import path from 'node:path';
import {
  ProxmoxResource,
  ProxmoxSource,
  readClusterResources,
} from '@homelab/plugin-homelab-node';
import { readKeepingLastGood } from '../sources/readKeepingLastGood';
import { SourceDiscovery } from '../sources/SourceDiscovery';

/**
 * What a refresh knows of one Proxmox VE source, with the resources of its
 * last successful read.
 *
 * @public
 */
export interface ProxmoxDiscovery extends SourceDiscovery {
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
