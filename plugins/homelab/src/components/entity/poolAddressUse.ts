import { TopologyGraph } from '@homelab/plugin-homelab-common';

/** An address of a pool that a load-balancer service holds. */
type PoolAddress = { address: string; service?: string };

/** Which of a pool's addresses are in use, or why that is not known. */
type PoolAddressUse =
  | {
      known: true;
      addresses: PoolAddress[];
      /** When the workloads were read, where that was not the last attempt. */
      staleSince?: string;
    }
  | { known: false; reason: string };

/** "192.168.100.160 (ingress/traefik)", as the topology labels an address. */
function poolAddress(label: string): PoolAddress {
  const match = /^(\S+) \((.+)\)$/.exec(label);
  return match ? { address: match[1], service: match[2] } : { address: label };
}

/** Addresses in numeric order, not string order (.16 before .160). */
function byAddress(a: PoolAddress, b: PoolAddress) {
  return a.address.localeCompare(b.address, 'en', { numeric: true });
}

/**
 * The addresses of a load-balancer pool that its cluster's services hold,
 * read from the topology, where the backend joins each load-balancer
 * address of the cluster's workload snapshot to the pool whose ranges hold
 * it ("assigns" edges). Not known while the cluster's workloads were never
 * read; read but stale, the addresses are given with the time they are from.
 */
export function poolAddressUse(
  graph: TopologyGraph,
  pool: { entityRef: string; cluster?: string },
): PoolAddressUse {
  const workloads = graph.freshness.find(
    f => f.source === 'workloads' && f.cluster === pool.cluster,
  );
  if (!pool.cluster || !workloads)
    return {
      known: false,
      reason: `the workloads of ${
        pool.cluster ?? 'its cluster'
      } are not collected`,
    };
  if (workloads.state === 'never-collected')
    return {
      known: false,
      reason: `the workloads of ${pool.cluster} were never collected${
        workloads.error ? ` (${workloads.error})` : ''
      }`,
    };
  const nodes = new Map(graph.nodes.map(node => [node.id, node]));
  const addresses = graph.edges
    .filter(e => e.source === pool.entityRef && e.relation === 'assigns')
    .map(e => nodes.get(e.target))
    .filter(node => node?.kind === 'load-balancer-ip')
    .map(node => poolAddress(node!.label))
    .sort(byAddress);
  return workloads.state === 'stale'
    ? { known: true, addresses, staleSince: workloads.collectedAt }
    : { known: true, addresses };
}
