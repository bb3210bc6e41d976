import { parseEntityRef } from '@backstage/catalog-model';
import {
  BlastRadiusResource,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import { EstateNode, EstateRelations } from './EstateRelations';

/** What a loss takes: resources that go down, machines cut off, and Kubernetes nodes lost. */
interface LostResources {
  down: BlastRadiusResource[];
  cutOff: BlastRadiusResource[];
  nodes: Array<{ node: EstateNode; loss: 'down' | 'cut-off'; reason: string }>;
}

/** The subject and everything it carries, transitively: modules, VMs, storage, nodes. */
function carriedDown(
  estate: EstateRelations,
  subject: string,
): Map<string, string> {
  const down = new Map<string, string>([[subject, 'the subject']]);
  const queue = [subject];
  while (queue.length) {
    const ref = queue.shift()!;
    const via = estate.resources.get(ref)?.title ?? ref;
    for (const child of estate.carried.get(ref) ?? []) {
      if (down.has(child)) continue;
      const type = estate.resources.get(child)?.type;
      down.set(
        child,
        type === HOMELAB_RESOURCE_TYPES.storage && !estate.isMachine(ref)
          ? `backed by ${via}`
          : `runs on ${via}`,
      );
      queue.push(child);
    }
  }
  return down;
}

/**
 * The machines next to one: over its cables, and the board or host it sits
 * in and the machines it carries (a module's network is its board's, a VM's
 * its host's).
 */
function neighbours(estate: EstateRelations, ref: string): string[] {
  const hostedOn = estate.resources.get(ref)?.facts.hostedOn;
  return [
    ...(estate.cables.get(ref) ?? []),
    ...(estate.carried.get(ref) ?? []),
    ...(hostedOn ? [hostedOn] : []),
  ].filter(other => estate.isMachine(other));
}

/** The machines with a path to a router or modem, found once per estate. */
const reachableWithAll = new WeakMap<EstateRelations, Set<string>>();

function reachable(estate: EstateRelations): Set<string> {
  let seen = reachableWithAll.get(estate);
  if (seen) return seen;
  seen = new Set(estate.roots);
  const queue = [...estate.roots];
  for (let i = 0; i < queue.length; i++) {
    for (const other of neighbours(estate, queue[i])) {
      if (seen.has(other)) continue;
      seen.add(other);
      queue.push(other);
    }
  }
  reachableWithAll.set(estate, seen);
  return seen;
}

/**
 * The machines connected to `start` without the gone ones, searched until
 * one of them is a router: then all of them still have a path (`found`),
 * else none has.
 */
function searchForRouter(
  estate: EstateRelations,
  start: string,
  gone: ReadonlyMap<string, string>,
): { found: boolean; visited: string[] } {
  const visited = [start];
  const seen = new Set(visited);
  for (let i = 0; i < visited.length; i++) {
    if (estate.roots.has(visited[i])) return { found: true, visited };
    for (const other of neighbours(estate, visited[i])) {
      if (seen.has(other) || gone.has(other)) continue;
      seen.add(other);
      visited.push(other);
    }
  }
  return { found: false, visited };
}

/**
 * Machines that lose their path to a router with machines gone: those that
 * had one before and have none after. Only the regions next to the gone
 * machines are searched, each until it meets a router, so that a question
 * costs what it touches rather than the whole estate. Machines with no cable
 * or host on record never had a path, so are never reported cut off.
 */
function cutOffWithout(
  estate: EstateRelations,
  down: ReadonlyMap<string, string>,
  subjectTitle: string,
): BlastRadiusResource[] {
  const before = reachable(estate);
  const settled = new Set<string>();
  const cutOff: string[] = [];
  for (const gone of down.keys()) {
    for (const start of neighbours(estate, gone)) {
      if (settled.has(start) || down.has(start) || !before.has(start)) continue;
      const { found, visited } = searchForRouter(estate, start, down);
      for (const ref of visited) settled.add(ref);
      if (!found) cutOff.push(...visited);
    }
  }
  return cutOff.map(ref =>
    resourceOf(estate, ref, `no path to a router without ${subjectTitle}`),
  );
}

/** Machines with every address on a network that goes: they lose it all. */
function cutOffByNetwork(
  estate: EstateRelations,
  networkRef: string,
): BlastRadiusResource[] {
  const network = parseEntityRef(networkRef).name;
  return (estate.machinesOn.get(network) ?? [])
    .filter(ref =>
      (estate.resources.get(ref)?.facts.interfaces ?? []).every(
        i => i.network === network,
      ),
    )
    .map(ref => resourceOf(estate, ref, `its only network is ${network}`));
}

function resourceOf(
  estate: EstateRelations,
  ref: string,
  reason: string,
): BlastRadiusResource {
  const resource = estate.resources.get(ref);
  return {
    entityRef: ref,
    title: resource?.title ?? ref,
    type: resource?.type ?? 'unknown',
    reason,
  };
}

/** The nodes on machines that go down or are cut off. */
function nodesOnMachines(
  estate: EstateRelations,
  down: BlastRadiusResource[],
  cutOff: BlastRadiusResource[],
): LostResources['nodes'] {
  return [
    ...down.map(machine => ({ machine, loss: 'down' as const })),
    ...cutOff.map(machine => ({ machine, loss: 'cut-off' as const })),
  ].flatMap(({ machine, loss }) =>
    (estate.nodesOnMachine.get(machine.entityRef) ?? []).map(node => ({
      node,
      loss,
      reason:
        loss === 'down'
          ? `${machine.title} goes down`
          : `${machine.title} is cut off from the network`,
    })),
  );
}

/**
 * What goes with a subject: a machine or storage takes down what it carries
 * and cuts off the machines whose only path to a router ran through it; a
 * network cuts off the machines that have no other; a node or a cluster
 * loses its nodes.
 */
export function lostResources(
  estate: EstateRelations,
  subjectRef: string,
): LostResources {
  const subject = estate.resources.get(subjectRef);
  switch (subject?.type) {
    case HOMELAB_RESOURCE_TYPES.node: {
      // A node entity names its cluster; one that does not is in no cluster to lose.
      const node = [...estate.nodesOfCluster.values()]
        .flat()
        .find(n => n.ref === subjectRef);
      return {
        down: [],
        cutOff: [],
        nodes: node ? [{ node, loss: 'down', reason: 'the subject' }] : [],
      };
    }
    case HOMELAB_RESOURCE_TYPES.cluster: {
      const name = parseEntityRef(subjectRef).name;
      return {
        down: [],
        cutOff: [],
        nodes: (estate.nodesOfCluster.get(name) ?? []).map(node => ({
          node,
          loss: 'down',
          reason: `${subject.title} goes down`,
        })),
      };
    }
    case HOMELAB_RESOURCE_TYPES.network: {
      const cutOff = cutOffByNetwork(estate, subjectRef);
      return { down: [], cutOff, nodes: nodesOnMachines(estate, [], cutOff) };
    }
    default: {
      const carried = carriedDown(estate, subjectRef);
      const down = [...carried]
        .filter(
          ([ref]) =>
            estate.resources.get(ref)?.type !== HOMELAB_RESOURCE_TYPES.node,
        )
        .map(([ref, reason]) => resourceOf(estate, ref, reason));
      const cutOff = cutOffWithout(
        estate,
        carried,
        subject?.title ?? subjectRef,
      );
      return { down, cutOff, nodes: nodesOnMachines(estate, down, cutOff) };
    }
  }
}
