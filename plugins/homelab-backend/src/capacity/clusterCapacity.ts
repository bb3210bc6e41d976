import {
  CapacityFigure,
  ClusterCapacity,
  NodeCapacity,
} from '@homelab/plugin-homelab-common';
import { ClusterSnapshot } from '../database/ClusterSnapshotStore';
import { NodeResources, WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import {
  FigureInputs,
  capacityFigure,
  oldest,
  sumHistories,
  sumKnown,
} from './capacityFigure';
import {
  MeasuredResource,
  USE_QUERIES,
  UseHistory,
  nodeKey,
} from './usageHistory';

/** The inventory's targets, percent of allocatable. */
export interface CapacityTargets {
  cpuPercent?: number;
  memoryPercent?: number;
  storagePercent?: number;
}

/** What a cluster's capacity is built from. */
interface ClusterInputs {
  cluster: string;
  entityRef?: string;
  targets: CapacityTargets;
  /** The cluster's latest workloads; absent when never collected. */
  snapshot?: ClusterSnapshot<WorkloadSnapshot>;
  /** Node entities of the cluster, by node name. */
  nodeRefs: Map<string, string>;
  /** Use per node; absent without a Prometheus. */
  use?: UseHistory;
}

const SOURCES: Record<MeasuredResource, string> = {
  cpu: 'cAdvisor container_cpu_usage_seconds_total, per node over the last hour',
  memory: 'cAdvisor container_memory_working_set_bytes, per node',
  storage:
    "node_exporter's root filesystem, size less available; Longhorn volumes and other PVCs are not measured",
};

function measured(
  inputs: ClusterInputs,
  resource: MeasuredResource,
  node: string,
) {
  const history =
    inputs.use
      ?.get(resource)
      ?.get(nodeKey({ cluster: inputs.cluster, name: node })) ?? [];
  const last = history[history.length - 1];
  let useBasis = `not measured: Prometheus has no series for node ${node} (${USE_QUERIES[resource]})`;
  if (!inputs.use)
    useBasis = 'not measured: no Prometheus is configured (homelab.prometheus)';
  else if (last) useBasis = `${SOURCES[resource]}: ${USE_QUERIES[resource]}`;
  return {
    use: last ? last[1] : null,
    measuredAt: last ? new Date(last[0] * 1000).toISOString() : null,
    useBasis,
    history,
  };
}

function nodeFigures(
  inputs: ClusterInputs,
  name: string,
  resources: NodeResources | undefined,
): FigureInputs[] {
  const observedAt = resources ? inputs.snapshot!.collectedAt : null;
  const known = (value: number | undefined) => value ?? null;
  return [
    {
      resource: 'cpu',
      allocatable: known(resources?.allocatable.cpuCores),
      requests: known(resources?.requests.cpuCores),
      targetPercent: inputs.targets.cpuPercent,
      observedAt,
      ...measured(inputs, 'cpu', name),
    },
    {
      resource: 'memory',
      allocatable: known(resources?.allocatable.memoryBytes),
      requests: known(resources?.requests.memoryBytes),
      targetPercent: inputs.targets.memoryPercent,
      observedAt,
      ...measured(inputs, 'memory', name),
    },
    {
      resource: 'pods',
      allocatable: known(resources?.allocatable.pods),
      requests: known(resources?.pods),
      use: known(resources?.pods),
      useBasis: resources
        ? 'the pods holding the node (scheduled, neither Succeeded nor Failed) in the workloads collected from the cluster'
        : 'not measured: the workloads collected from the cluster do not record its nodes',
      observedAt,
      measuredAt: observedAt,
      history: [],
    },
    {
      resource: 'storage',
      allocatable: known(resources?.allocatable.ephemeralStorageBytes),
      requests: known(resources?.requests.ephemeralStorageBytes),
      targetPercent: inputs.targets.storagePercent,
      observedAt,
      ...measured(inputs, 'storage', name),
    },
  ];
}

function clusterFigure(parts: FigureInputs[]): FigureInputs {
  const measuredParts = parts.every(p => p.use !== null);
  return {
    resource: parts[0].resource,
    allocatable: sumKnown(parts.map(p => p.allocatable)),
    requests: sumKnown(parts.map(p => p.requests)),
    use: sumKnown(parts.map(p => p.use)),
    targetPercent: parts[0].targetPercent,
    useBasis: measuredParts
      ? `the nodes' sum; ${parts[0].useBasis}`
      : `not measured on every node: ${
          parts.find(p => p.use === null)!.useBasis
        }`,
    observedAt: oldest(parts.map(p => p.observedAt)),
    measuredAt: oldest(parts.map(p => p.measuredAt)),
    history: sumHistories(parts.map(p => p.history)),
  };
}

/**
 * A cluster's nodes with their allocatable, requests and use, and the
 * cluster's sums, against the inventory's targets. The nodes are those the
 * cluster reported; a snapshot recorded before nodes were collected leaves
 * allocatable and requests unknown for the node entities of the cluster.
 */
export function clusterCapacity(
  inputs: ClusterInputs,
  now: Date,
): ClusterCapacity {
  const recorded = inputs.snapshot?.data.nodes;
  const names = recorded
    ? recorded.map(n => n.name)
    : [...inputs.nodeRefs.keys()];
  const perNode = names.sort().map(name => ({
    name,
    inputs: nodeFigures(
      inputs,
      name,
      recorded?.find(n => n.name === name),
    ),
  }));
  const nodes: NodeCapacity[] = perNode.map(node => ({
    name: node.name,
    ...(inputs.nodeRefs.has(node.name)
      ? { entityRef: inputs.nodeRefs.get(node.name) }
      : {}),
    figures: node.inputs.map(figure => capacityFigure(figure, now)),
  }));
  const figures: CapacityFigure[] = perNode.length
    ? perNode[0].inputs.map((_, index) =>
        capacityFigure(
          clusterFigure(perNode.map(node => node.inputs[index])),
          now,
        ),
      )
    : [];
  return {
    cluster: inputs.cluster,
    ...(inputs.entityRef ? { entityRef: inputs.entityRef } : {}),
    figures,
    nodes,
  };
}
