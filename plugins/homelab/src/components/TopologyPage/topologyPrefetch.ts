import { TopologyGraph, TopologyQuery } from '@homelab/plugin-homelab-common';
import { HomelabApi } from '../../api/HomelabApi';

/** What the page asks for: the overview folded, unless workloads are shown. */
export function topologyQuery(
  showWorkloads: boolean,
): TopologyQuery | undefined {
  return showWorkloads ? undefined : { workloads: 'folded' };
}

let started: { key: string; graph: Promise<TopologyGraph> } | undefined;

/**
 * Asks for the topology while the page's code is still loading (the tab's
 * loader calls this): on a large estate the request and the canvas's chunk
 * then take their time side by side, where the page could ask only once its
 * own code had run.
 */
export function prefetchTopology(api: HomelabApi, query?: TopologyQuery) {
  const graph = api.getTopology(query);
  // Whoever takes it sees a failure; one never taken is not unhandled.
  graph.catch(() => undefined);
  started = { key: JSON.stringify(query ?? {}), graph };
}

/**
 * The topology for this query: the request prefetchTopology started if it
 * asked the same and no one has taken it yet (once only, so a later visit
 * reads the topology anew), else a new request.
 */
export function fetchTopology(
  api: HomelabApi,
  query?: TopologyQuery,
): Promise<TopologyGraph> {
  const prefetched = started;
  started = undefined;
  if (prefetched && prefetched.key === JSON.stringify(query ?? {}))
    return prefetched.graph;
  return api.getTopology(query);
}
