import {
  Inventory,
  SharedArea,
  sharedSystemName,
} from '@homelab/plugin-homelab-common';
import { PathSegment } from '../inventory/problems';
import { ItemOrigin } from '../inventory/sourceMap';
import { ClusterDiscovery } from './ClusterDiscovery';
import { sourceAnnotations } from './entityMetadata';

/** What the mapper of each inventory section reads besides its own items. */
export interface MappingContext {
  inventory: Inventory;
  /** The owner of every item that names none: the site's. */
  owner: string;
  /** What discovery knows of a cluster, if it looked. */
  discoveryOf(cluster: string): ClusterDiscovery | undefined;
  /** The source annotations of an item, or of a path inside it. */
  sourceOf(item: object, subPath?: PathSegment[]): Record<string, string>;
  /**
   * The System of a shared area of the site. The area is noted as used, so
   * that its System is emitted: a site without storage gets no storage System.
   */
  sharedSystem(area: SharedArea): string;
  /** The shared areas some entity has been placed in so far. */
  usedAreas: ReadonlySet<SharedArea>;
}

export function createMappingContext(
  inventory: Inventory,
  origins: WeakMap<object, ItemOrigin>,
  discovery: readonly ClusterDiscovery[] = [],
): MappingContext {
  const discoveryByCluster = new Map(discovery.map(d => [d.cluster, d]));
  const usedAreas = new Set<SharedArea>();
  return {
    inventory,
    owner: inventory.site.owner,
    discoveryOf: cluster => discoveryByCluster.get(cluster),
    sourceOf: (item, subPath) => sourceAnnotations(origins.get(item), subPath),
    sharedSystem(area) {
      usedAreas.add(area);
      return sharedSystemName(inventory.site.name, area);
    },
    usedAreas,
  };
}
