import { SourceFreshness, TopologyGraph } from '@homelab/plugin-homelab-common';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { addCatalogResources } from './catalogTopology';
import { TopologyGraphBuilder } from './TopologyGraphBuilder';
import { addWorkloads, ClusterWorkloads } from './workloadTopology';

/**
 * The homelab as a graph, upstream to downstream: internet, WAN uplinks,
 * routers and switches, networks, devices, Kubernetes nodes, clusters,
 * namespaces and workloads, with MetalLB pools and the load-balancer
 * addresses they handed out. Hardware and networks come from the catalog;
 * namespaces, workloads and addresses from the latest workload snapshots,
 * whose status is unknown when their cluster's snapshot is stale.
 */
export function buildTopology(
  model: HomelabModel,
  clusters: ClusterWorkloads[],
  freshness: SourceFreshness[],
  generatedAt: Date,
): TopologyGraph {
  const graph = new TopologyGraphBuilder();
  graph.setNode({ id: 'internet', kind: 'internet', label: 'Internet' });
  addCatalogResources(graph, model.resources);
  addWorkloads(graph, model, clusters, freshness);
  return graph.build(generatedAt, freshness);
}
