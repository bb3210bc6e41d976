import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CapacityReport,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import { ClusterSnapshot } from '../database/ClusterSnapshotStore';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { CapacityTargets, clusterCapacity } from './clusterCapacity';
import { hypervisorCapacity } from './hypervisorCapacity';
import { NodeName, UseHistory, readUseHistory } from './usageHistory';

/** What the capacity report is built from. */
interface CapacityReportInputs {
  /** The homelab's resources: clusters, nodes, devices and VMs. */
  resources: Entity[];
  /** Each cluster's latest workloads snapshot. */
  workloads: ClusterSnapshot<WorkloadSnapshot>[];
  prometheus?: PrometheusClient;
  now: Date;
}

interface ClusterFacts {
  capacityTargets?: CapacityTargets;
}

interface NodeFacts {
  cluster?: string;
  nodeName?: string;
}

function nodeNames(inputs: CapacityReportInputs): NodeName[] {
  const names = new Map<string, NodeName>();
  const add = (cluster: string, name: string) =>
    names.set(`${cluster}/${name}`, { cluster, name });
  for (const snapshot of inputs.workloads)
    for (const node of snapshot.data.nodes ?? [])
      add(snapshot.cluster, node.name);
  for (const entity of inputs.resources) {
    const { cluster, nodeName } = (entity.spec?.homelab ?? {}) as NodeFacts;
    if (
      entity.spec?.type === HOMELAB_RESOURCE_TYPES.node &&
      cluster &&
      nodeName
    )
      add(cluster, nodeName);
  }
  return [...names.values()];
}

/**
 * How full the homelab is: every cluster with an entity or collected
 * workloads, its nodes' allocatable and requests from the cluster and use
 * from Prometheus, against the cluster's inventory targets; and every
 * hypervisor's allocation.
 */
export async function buildCapacityReport(
  inputs: CapacityReportInputs,
): Promise<CapacityReport> {
  const warnings: string[] = [];
  const use: UseHistory | undefined = inputs.prometheus
    ? await readUseHistory(
        inputs.prometheus,
        nodeNames(inputs),
        inputs.now,
        warnings,
      )
    : undefined;
  const clusterEntities = new Map(
    inputs.resources
      .filter(e => e.spec?.type === HOMELAB_RESOURCE_TYPES.cluster)
      .map(e => [e.metadata.name, e]),
  );
  const names = new Set([
    ...clusterEntities.keys(),
    ...inputs.workloads.map(s => s.cluster),
  ]);
  const clusters = [...names].sort().map(cluster => {
    const entity = clusterEntities.get(cluster);
    const nodeRefs = new Map<string, string>();
    for (const e of inputs.resources) {
      const facts = (e.spec?.homelab ?? {}) as NodeFacts;
      if (
        e.spec?.type === HOMELAB_RESOURCE_TYPES.node &&
        facts.cluster === cluster &&
        facts.nodeName
      )
        nodeRefs.set(facts.nodeName, stringifyEntityRef(e));
    }
    return clusterCapacity(
      {
        cluster,
        ...(entity ? { entityRef: stringifyEntityRef(entity) } : {}),
        targets:
          (entity?.spec?.homelab as ClusterFacts | undefined)
            ?.capacityTargets ?? {},
        snapshot: inputs.workloads.find(s => s.cluster === cluster),
        nodeRefs,
        ...(use ? { use } : {}),
      },
      inputs.now,
    );
  });
  return {
    generatedAt: inputs.now.toISOString(),
    clusters,
    hypervisors: hypervisorCapacity(inputs.resources),
    warnings,
  };
}
