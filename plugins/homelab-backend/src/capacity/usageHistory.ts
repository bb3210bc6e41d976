import { PrometheusClient } from '@homelab/plugin-homelab-node';

/** The resources whose use Prometheus measures. */
export type MeasuredResource = 'cpu' | 'memory' | 'storage';

/**
 * Use per node, by the exporters' own metrics. cAdvisor's container series
 * (served by the kubelet) carry the node label the Prometheus Operator adds
 * to kubelet targets; node_exporter's carry the node's name as instance,
 * as kube-prometheus-stack relabels them.
 */
export const USE_QUERIES: Record<MeasuredResource, string> = {
  cpu: 'sum by (node) (rate(container_cpu_usage_seconds_total{container!="", pod!=""}[1h]))',
  memory:
    'sum by (node) (container_memory_working_set_bytes{container!="", pod!=""})',
  storage:
    'sum by (node) (label_replace(node_filesystem_size_bytes{mountpoint="/"} - node_filesystem_avail_bytes{mountpoint="/"}, "node", "$1", "instance", "(.+)"))',
};

/** How far back the trend looks, and how often it samples. */
const HISTORY_DAYS = 14;
const STEP_SECONDS = 3600;

/** A node as Prometheus names it. */
export interface NodeName {
  cluster: string;
  name: string;
}

export const nodeKey = (node: NodeName) => `${node.cluster}/${node.name}`;

/** Use per resource and node key, [unix seconds, value] oldest first. */
export type UseHistory = Map<
  MeasuredResource,
  Map<string, Array<[number, number]>>
>;

/**
 * Hourly use over the last {@link HISTORY_DAYS} days per node. A sample is
 * matched to a node by its node label (and its cluster label, when it has
 * one); a name two clusters share without a cluster label is left out with
 * a warning rather than guessed.
 */
export async function readUseHistory(
  prometheus: PrometheusClient,
  nodes: NodeName[],
  now: Date,
  warnings: string[],
): Promise<UseHistory> {
  const start = new Date(now.getTime() - HISTORY_DAYS * 24 * 3600_000);
  const history: UseHistory = new Map();
  for (const [resource, query] of Object.entries(USE_QUERIES) as Array<
    [MeasuredResource, string]
  >) {
    const series = await prometheus
      .queryRange(query, start, now, STEP_SECONDS)
      .catch(error => {
        warnings.push(`${resource} use: ${error.message}`);
        return [];
      });
    const byNode = new Map<string, Array<[number, number]>>();
    const ambiguous = new Set<string>();
    for (const { labels, values } of series) {
      const matches = nodes.filter(
        n =>
          n.name === labels.node &&
          (!labels.cluster || n.cluster === labels.cluster),
      );
      if (matches.length > 1) ambiguous.add(labels.node);
      if (matches.length !== 1) continue;
      byNode.set(
        nodeKey(matches[0]),
        values.filter(([, value]) => Number.isFinite(value)),
      );
    }
    for (const node of ambiguous)
      warnings.push(
        `Node ${node} is in several clusters and the ${resource} use has no cluster label: its use is left out`,
      );
    history.set(resource, byNode);
  }
  return history;
}
