import {
  Cluster,
  ClusterNode,
  Device,
  Environment,
  Inventory,
  LoadBalancerPool,
  Network,
  Storage,
  WanLink,
} from '@homelab/plugin-homelab-common';
import { InventoryProblem, PathSegment } from '../problems';
import { ItemOrigin, locateInInventory, problemAt } from '../sourceMap';

/** Lookup tables shared by the rules. The first item of a duplicated name wins. */
export interface InventoryIndex {
  environments: Map<string, Environment>;
  networks: Map<string, Network>;
  wan: Map<string, WanLink>;
  devices: Map<string, Device>;
  clusters: Map<string, Cluster>;
  storage: Map<string, Storage>;
  /** Every node with its cluster and its position in the cluster's list. */
  nodes: Array<{ cluster: Cluster; node: ClusterNode; index: number }>;
  pools: Array<{ cluster: Cluster; pool: LoadBalancerPool; index: number }>;
}

export type Section =
  | 'environments'
  | 'networks'
  | 'wan'
  | 'devices'
  | 'clusters'
  | 'storage';

/** What one item of each section is called in messages. */
export const SECTION_NOUNS: Record<Section, string> = {
  environments: 'environment',
  networks: 'network',
  wan: 'uplink',
  devices: 'device',
  clusters: 'cluster',
  storage: 'storage',
};

export interface RuleContext {
  inventory: Inventory;
  index: InventoryIndex;
  /** Names of items rejected by the schema: references to them are not reported again. */
  rejectedNames: Record<Section, Set<string>>;
  /** Sections rejected as a whole: references into them cannot be checked. */
  rejectedSections: Set<Section>;
  error(item: object, path: PathSegment[], rule: string, message: string): void;
  warning(
    item: object,
    path: PathSegment[],
    rule: string,
    message: string,
  ): void;
  /** "file:line" of an item, for messages that point at a second place. */
  where(item: object): string;
}

function byName<T extends { name: string }>(items: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (!map.has(item.name)) map.set(item.name, item);
  }
  return map;
}

function buildIndex(inventory: Inventory): InventoryIndex {
  return {
    environments: byName(inventory.environments),
    networks: byName(inventory.networks),
    wan: byName(inventory.wan),
    devices: byName(inventory.devices),
    clusters: byName(inventory.clusters),
    storage: byName(inventory.storage),
    nodes: inventory.clusters.flatMap(cluster =>
      cluster.nodes.map((node, index) => ({ cluster, node, index })),
    ),
    pools: inventory.clusters.flatMap(cluster =>
      (cluster.loadBalancerPools ?? []).map((pool, index) => ({
        cluster,
        pool,
        index,
      })),
    ),
  };
}

export function createRuleContext(
  inventory: Inventory,
  origins: WeakMap<object, ItemOrigin>,
  rejectedNames: Record<Section, Set<string>>,
  rejectedSections: Set<Section>,
  problems: InventoryProblem[],
): RuleContext {
  const originOf = (item: object): ItemOrigin => {
    const origin = origins.get(item);
    if (!origin) {
      throw new Error('inventory item without a recorded origin');
    }
    return origin;
  };
  const push =
    (severity: InventoryProblem['severity']) =>
    (item: object, path: PathSegment[], rule: string, message: string) => {
      problems.push(
        problemAt(originOf(item), path, { severity, rule, message }),
      );
    };
  return {
    inventory,
    index: buildIndex(inventory),
    rejectedNames,
    rejectedSections,
    error: push('error'),
    warning: push('warning'),
    where(item) {
      const { file, line } = locateInInventory(originOf(item));
      return `${file}${line ? `:${line}` : ''}`;
    },
  };
}
