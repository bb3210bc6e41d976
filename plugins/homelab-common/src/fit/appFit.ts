import {
  CapacityFigure,
  CapacityResource,
  ClusterCapacity,
  NodeCapacity,
} from '../api/capacity';
import { bytesText, coresText } from './fitText';
import { FitCheck, FitVerdict, fitVerdict } from './fitVerdict';

/**
 * What an app asks of a cluster: each replica's requests, and how many.
 *
 * @public
 */
export interface AppRequests {
  /** CPU each replica requests, in cores. */
  cpuCores: number;
  /** Memory each replica requests, in bytes. */
  memoryBytes: number;
  /** How many replicas run. */
  replicas: number;
}

/** What a node has left for requests. */
interface NodeRoom {
  name: string;
  cpu: number;
  memory: number;
  pods: number;
}

const figureOf = (figures: CapacityFigure[], resource: CapacityResource) =>
  figures.find(figure => figure.resource === resource);

/** Allocatable less requests; undefined when either is not known. */
function roomOf(node: NodeCapacity): NodeRoom | undefined {
  const left = (resource: CapacityResource) => {
    const figure = figureOf(node.figures, resource);
    if (!figure || figure.allocatable === null || figure.requests === null) {
      return undefined;
    }
    return figure.allocatable - figure.requests;
  };
  const [cpu, memory, pods] = [left('cpu'), left('memory'), left('pods')];
  if (cpu === undefined || memory === undefined || pods === undefined) {
    return undefined;
  }
  return { name: node.name, cpu, memory, pods };
}

const roomText = (room: NodeRoom) =>
  `${coresText(room.cpu)}, ${bytesText(room.memory)} and ${room.pods} pods`;

function placedNowhere(
  replica: number,
  requests: AppRequests,
  rooms: NodeRoom[],
  notRecorded: string[],
): FitCheck {
  const where = `replica ${replica} of ${requests.replicas} fits on no node`;
  if (notRecorded.length) {
    return {
      what: 'Placement',
      state: 'unknown',
      reason: `${where} whose requests are recorded; not recorded: ${notRecorded.join(
        ', ',
      )}`,
    };
  }
  const roomiest = rooms.reduce<NodeRoom | undefined>(
    (best, room) => (!best || room.memory > best.memory ? room : best),
    undefined,
  );
  return {
    what: 'Placement',
    state: 'does-not-fit',
    reason: roomiest
      ? `${where}: the roomiest, ${roomiest.name}, has ${roomText(
          roomiest,
        )} left for requests`
      : `${where}: the cluster has no node`,
  };
}

/**
 * Places the replicas one by one on the node with the most memory left that
 * takes all of a replica's requests, as spreading leaves room on each node;
 * a node whose requests are not recorded takes none.
 */
function placementCheck(
  requests: AppRequests,
  cluster: ClusterCapacity,
): FitCheck {
  const rooms: NodeRoom[] = [];
  const notRecorded: string[] = [];
  for (const node of cluster.nodes) {
    const room = roomOf(node);
    if (room) rooms.push(room);
    else notRecorded.push(node.name);
  }
  const placed = new Map<string, number>();
  for (let replica = 1; replica <= requests.replicas; replica++) {
    const node = rooms
      .filter(
        room =>
          room.cpu >= requests.cpuCores &&
          room.memory >= requests.memoryBytes &&
          room.pods >= 1,
      )
      .reduce<NodeRoom | undefined>(
        (best, room) => (!best || room.memory > best.memory ? room : best),
        undefined,
      );
    if (!node) return placedNowhere(replica, requests, rooms, notRecorded);
    node.cpu -= requests.cpuCores;
    node.memory -= requests.memoryBytes;
    node.pods -= 1;
    placed.set(node.name, (placed.get(node.name) ?? 0) + 1);
  }
  const where = [...placed].map(([name, count]) => `${count} on ${name}`);
  return {
    what: 'Placement',
    state: 'fits',
    reason: `${requests.replicas} × ${coresText(
      requests.cpuCores,
    )} and ${bytesText(requests.memoryBytes)} fit: ${where.join(', ')}`,
  };
}

const TARGETS: Array<{
  resource: CapacityResource;
  what: string;
  need: (requests: AppRequests) => number;
  text: (amount: number) => string;
}> = [
  {
    resource: 'cpu',
    what: 'CPU target',
    need: r => r.cpuCores * r.replicas,
    text: coresText,
  },
  {
    resource: 'memory',
    what: 'Memory target',
    need: r => r.memoryBytes * r.replicas,
    text: bytesText,
  },
  {
    resource: 'pods',
    what: 'Pods target',
    need: r => r.replicas,
    text: pods => `${pods} pods`,
  },
];

/**
 * The cluster's headroom below the inventory's target (the share of
 * allocatable less the larger of requests and use) against what the app
 * adds; only where the inventory sets a target, as placement covers the rest.
 */
function targetChecks(
  requests: AppRequests,
  cluster: ClusterCapacity,
): FitCheck[] {
  return TARGETS.flatMap<FitCheck>(({ resource, what, need, text }) => {
    const figure = figureOf(cluster.figures, resource);
    if (figure?.targetPercent === undefined) return [];
    const adds = need(requests);
    if (figure.headroom === null) {
      return [
        {
          what,
          state: 'unknown',
          reason: `the cluster's ${resource} requests or use are not known`,
        },
      ];
    }
    const fits = adds <= figure.headroom;
    return [
      {
        what,
        state: fits ? 'fits' : 'above-target',
        reason: `adds ${text(adds)}; ${
          figure.headroom < 0
            ? `the cluster is ${text(-figure.headroom)} past`
            : `${text(figure.headroom)} left below`
        } its ${figure.targetPercent}% target`,
      },
    ];
  });
}

/**
 * Whether an app fits a cluster: every replica on a node with room for its
 * requests, and the cluster still below the inventory's targets after it.
 *
 * @public
 */
export function appFit(
  requests: AppRequests,
  cluster: ClusterCapacity,
): FitVerdict {
  return fitVerdict([
    placementCheck(requests, cluster),
    ...targetChecks(requests, cluster),
  ]);
}
