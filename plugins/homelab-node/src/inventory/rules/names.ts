import {
  inventoryName,
  nodeEntityName,
  platformServiceEntityName,
  sharedSystemName,
} from '@homelab/plugin-homelab-common';
import { PathSegment } from '../problems';
import { RuleContext, SECTION_NOUNS, Section } from './context';

interface NamedThing {
  name: string;
  what: string;
  item: object;
  path: PathSegment[];
  /** Things of one scope were already compared by the duplicate-name check. */
  scope: string;
}

/** Names must be unique within a section, and within each cluster for its nodes, pools and services. */
function checkUniqueWithin(
  context: RuleContext,
  things: NamedThing[],
  scope: string,
) {
  const first = new Map<string, NamedThing>();
  for (const thing of things) {
    const earlier = first.get(thing.name);
    if (earlier) {
      context.error(
        thing.item,
        [...thing.path, 'name'],
        'duplicate-name',
        `${thing.what} name "${thing.name}" is already used ${scope} by the ${
          earlier.what
        } at ${context.where(earlier.item)}${
          earlier.path.length ? ` (${earlier.path.join('.')})` : ''
        }`,
      );
    } else {
      first.set(thing.name, thing);
    }
  }
}

/** Why names of different sections share one catalog namespace. */
const ENTITY_KIND_SCOPE: Record<string, string> = {
  Resource:
    'networks, uplinks, devices, clusters, storage, backup jobs, external services, cluster nodes and address pools all become catalog Resources of the site',
  Component: 'platform services all become catalog Components',
  System:
    'environments and the shared network, storage and compute areas all become catalog Systems',
};

/**
 * Each inventory item becomes a catalog entity whose name must be unique
 * within its kind. Names derived from two parts (cluster + node) can collide
 * with plain names and can grow past the 63-character limit.
 */
function checkEntityNames(
  context: RuleContext,
  kind: string,
  things: NamedThing[],
) {
  const seen = new Map<string, NamedThing>();
  for (const thing of things) {
    const valid = inventoryName.safeParse(thing.name);
    if (!valid.success) {
      context.error(
        thing.item,
        [...thing.path, 'name'],
        'entity-name',
        `the catalog entity name "${thing.name}" derived for this ${thing.what} is not valid (${valid.error.issues[0].message}); shorten the names it is made of`,
      );
      continue;
    }
    const earlier = seen.get(thing.name);
    if (!earlier) {
      seen.set(thing.name, thing);
    } else if (earlier.scope !== thing.scope) {
      context.error(
        thing.item,
        [...thing.path, 'name'],
        'entity-name-collision',
        `this ${thing.what} and the ${earlier.what} "${
          earlier.name
        }" at ${context.where(
          earlier.item,
        )} would both be the catalog ${kind} "${thing.name}": ${
          ENTITY_KIND_SCOPE[kind]
        }, so their names must differ even across sections; rename one of them`,
      );
    }
  }
}

export function checkNames(context: RuleContext) {
  const { inventory } = context;
  const sections: Section[] = [
    'environments',
    'networks',
    'wan',
    'devices',
    'clusters',
    'storage',
    'backups',
    'recoveryObjectives',
    'externalServices',
  ];
  for (const section of sections) {
    checkUniqueWithin(
      context,
      inventory[section].map(item => ({
        name: item.name,
        what: SECTION_NOUNS[section],
        item,
        path: [],
        scope: section,
      })),
      `in ${section}`,
    );
  }

  const resources: NamedThing[] = [];
  const components: NamedThing[] = [];
  for (const section of [
    'networks',
    'wan',
    'devices',
    'clusters',
    'storage',
    'backups',
    'externalServices',
  ] as const) {
    for (const item of inventory[section]) {
      resources.push({
        name: item.name,
        what: SECTION_NOUNS[section],
        item,
        path: [],
        scope: section,
      });
    }
  }
  for (const cluster of inventory.clusters) {
    /**
     * The named things of one list of the cluster, checked for duplicates
     * within the cluster; the catalog names them by `entityName`.
     */
    const clusterItems = (
      field: 'nodes' | 'loadBalancerPools' | 'platformServices',
      what: string,
      entityName: (name: string) => string,
    ): NamedThing[] => {
      const items = (cluster[field] ?? []).map((item, index) => ({
        name: item.name,
        what,
        item: cluster,
        path: [field, index] as PathSegment[],
        scope: `${field} of ${cluster.name}`,
      }));
      checkUniqueWithin(context, items, `in cluster "${cluster.name}"`);
      return items.map(item => ({ ...item, name: entityName(item.name) }));
    };
    resources.push(
      ...clusterItems('nodes', 'node', name =>
        nodeEntityName(cluster.name, name),
      ),
      ...clusterItems('loadBalancerPools', 'address pool', name => name),
    );
    components.push(
      ...clusterItems('platformServices', 'platform service', name =>
        platformServiceEntityName(cluster.name, name),
      ),
    );
  }
  checkEntityNames(context, 'Resource', resources);
  checkEntityNames(context, 'Component', components);

  const systems: NamedThing[] = inventory.environments.map(environment => ({
    name: environment.name,
    what: 'environment',
    item: environment,
    path: [],
    scope: 'environments',
  }));
  for (const area of ['network', 'storage', 'compute'] as const) {
    systems.push({
      name: sharedSystemName(inventory.site.name, area),
      what: `shared ${area} system of the site`,
      item: inventory.site,
      path: [],
      scope: `shared ${area}`,
    });
  }
  checkEntityNames(context, 'System', systems);
}
