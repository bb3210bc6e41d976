import {
  BackupJob,
  Cluster,
  ClusterNode,
  Device,
  Environment,
  ExternalService,
  Inventory,
  InventoryListSection,
  LoadBalancerPool,
  Network,
  RecoveryObjective,
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
  backups: Map<string, BackupJob>;
  recoveryObjectives: Map<string, RecoveryObjective>;
  externalServices: Map<string, ExternalService>;
  /** Every node with its cluster and its position in the cluster's list. */
  nodes: Array<{ cluster: Cluster; node: ClusterNode; index: number }>;
  pools: Array<{ cluster: Cluster; pool: LoadBalancerPool; index: number }>;
}

export type Section = InventoryListSection;

/** What one item of each section is called in messages. */
export const SECTION_NOUNS: Record<Section, string> = {
  environments: 'environment',
  networks: 'network',
  wan: 'uplink',
  devices: 'device',
  clusters: 'cluster',
  storage: 'storage',
  backups: 'backup job',
  recoveryObjectives: 'recovery objective',
  externalServices: 'external service',
};

export interface RuleContext {
  inventory: Inventory;
  index: InventoryIndex;
  /** Names of items rejected by the schema: references to them are not reported again. */
  rejectedNames: Record<Section, Set<string>>;
  /** Sections rejected as a whole: references into them cannot be checked. */
  rejectedSections: Set<Section>;
  /** Files that could not be read: a name may be defined in one of them. */
  unreadableFiles: ReadonlySet<string>;
  /** References not checked because of the unreadable files, like 'network "lan"'. */
  uncheckedReferences: string[];
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
    backups: byName(inventory.backups),
    recoveryObjectives: byName(inventory.recoveryObjectives),
    externalServices: byName(inventory.externalServices),
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
  unreadableFiles: ReadonlySet<string> = new Set(),
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
    unreadableFiles,
    uncheckedReferences: [],
    error: push('error'),
    warning: push('warning'),
    where(item) {
      const { file, line } = locateInInventory(originOf(item));
      return `${file}${line ? `:${line}` : ''}`;
    },
  };
}

/**
 * One warning, at each unreadable file, for the references that were not
 * checked because what they name may be defined there.
 */
export function reportUncheckedReferences(
  context: RuleContext,
  problems: InventoryProblem[],
) {
  const names = [...new Set(context.uncheckedReferences)];
  if (names.length === 0) return;
  const shown = names.slice(0, 5).join(', ');
  const more = names.length > 5 ? ` and ${names.length - 5} more` : '';
  for (const file of [...context.unreadableFiles].sort()) {
    problems.push({
      severity: 'warning',
      rule: 'references-not-checked',
      file,
      path: '',
      message: `${
        names.length === 1
          ? '1 reference to a name defined nowhere else'
          : `${names.length} references to names defined nowhere else`
      } (${shown}${more}) ${names.length === 1 ? 'was' : 'were'} not checked: ${
        names.length === 1 ? 'it' : 'they'
      } may be defined in this file, which could not be read. Fix its errors first`,
    });
  }
}
