import { SourceFreshness, TopologyGraph } from '@homelab/plugin-homelab-common';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { addCatalogResources } from './catalogTopology';
import { TimeSlicer } from './TimeSlicer';
import { TopologyGraphBuilder } from './TopologyGraphBuilder';
import { addWorkloads, ClusterWorkloads } from './workloadTopology';

/**
 * The homelab as a graph, upstream to downstream: internet, WAN uplinks,
 * routers and switches, networks, devices, Kubernetes nodes, clusters,
 * namespaces and workloads, with MetalLB pools and the load-balancer
 * addresses they handed out. Hardware and networks come from the catalog;
 * namespaces, workloads and addresses from the latest workload snapshots,
 * whose status is unknown when their cluster's snapshot is stale. Built in
 * slices (see TimeSlicer), so that a large estate never holds the event loop.
 */
export async function buildTopology(
  model: HomelabModel,
  clusters: ClusterWorkloads[],
  freshness: SourceFreshness[],
  generatedAt: Date,
  slicer = new TimeSlicer(),
): Promise<TopologyGraph> {
  const graph = new TopologyGraphBuilder();
  graph.setNode({ id: 'internet', kind: 'internet', label: 'Internet' });
  await addCatalogResources(graph, model.resources, slicer);
  await addWorkloads(graph, model, clusters, freshness, slicer);
  return graph.build(generatedAt, freshness);
}
