import { Cluster } from '@homelab/plugin-homelab-common';
import ipaddr from 'ipaddr.js';
import {
  addressInterval,
  contains,
  overlaps,
  rangeInterval,
} from '../addressing';
import { RuleContext } from './context';
import { NetworkPlan, describeRange } from './networkPlans';
import { Assignment, addressKey } from './staticAddresses';

/** The IP address in an API server URL, or undefined for a host name. */
function urlAddress(url: string): string | undefined {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(host) ? host : undefined;
}

/** What keeps an address in the plans: a reservation or pool, or a DHCP range it wrongly sits in. */
function rangeHolding(plans: Map<string, NetworkPlan>, address: string) {
  const interval = addressInterval(address);
  for (const plan of plans.values()) {
    const range = plan.ranges.find(r => overlaps(r.interval, interval));
    if (range) return range;
  }
  return undefined;
}

/**
 * An API server address must be held by something the inventory knows: a
 * device interface (of a control-plane node, usually), or a reservation or
 * pool (a virtual IP like kube-vip's). Unheld inside a known network, DHCP
 * or another device could take it.
 */
function checkApiServer(
  context: RuleContext,
  cluster: Cluster,
  plans: Map<string, NetworkPlan>,
  holders: Map<string, Assignment>,
) {
  const address = cluster.apiServer && urlAddress(cluster.apiServer.url);
  if (!address) return;
  const path = ['apiServer', 'url'];
  const holder = holders.get(addressKey(address));
  if (holder) {
    const node = cluster.nodes.find(n => n.device === holder.device.name);
    if (node && !node.roles.includes('control-plane')) {
      context.warning(
        cluster,
        path,
        'api-server-not-control-plane',
        `the API server address ${address} belongs to "${holder.device.name}", which runs node "${node.name}" without the control-plane role`,
      );
    }
    return;
  }
  const range = rangeHolding(plans, address);
  if (range?.kind === 'dhcp') {
    context.error(
      cluster,
      path,
      'api-server-address',
      `the API server address ${address} is inside ${describeRange(
        range,
      )}, so DHCP could hand it to another device; give the control-plane device a static address outside the range, or reserve a virtual IP`,
    );
    return;
  }
  if (range) return;
  // A device left out for its own errors may hold it: that is reported already.
  if (
    context.rejectedNames.devices.size > 0 ||
    context.rejectedSections.has('devices') ||
    context.unreadableFiles.size > 0
  )
    return;
  const interval = addressInterval(address);
  const known = [...plans.values()].find(
    plan => plan.interval && contains(plan.interval, interval),
  );
  const advice =
    "add it to the interfaces of the control-plane device, or reserve it in its network as the control plane's virtual IP";
  if (known) {
    context.error(
      cluster,
      path,
      'api-server-address',
      `nothing in the inventory holds the API server address ${address} of network "${known.network.name}": no device interface has it and no reservation or pool keeps it; ${advice}`,
    );
  } else {
    context.warning(
      cluster,
      path,
      'api-server-address',
      `nothing in the inventory holds the API server address ${address}, which is in no network of known CIDR; ${advice}`,
    );
  }
}

/**
 * A layer 2 pool is announced by ARP or NDP from the nodes, which reaches
 * only a network some node is attached to. Checked only when every node's
 * device states its interfaces.
 */
function checkL2Pools(context: RuleContext) {
  for (const { cluster, pool, index } of context.index.pools) {
    if (pool.mode !== 'l2' || !context.index.networks.has(pool.network))
      continue;
    const devices = cluster.nodes.map(n => context.index.devices.get(n.device));
    if (devices.some(device => !device?.interfaces?.length)) continue;
    const networks = new Set(
      devices.flatMap(device => device!.interfaces!.map(i => i.network)),
    );
    if (networks.has(pool.network)) continue;
    context.error(
      cluster,
      ['loadBalancerPools', index, 'network'],
      'pool-network-unattached',
      `pool "${pool.name}" is announced in layer 2 mode on network "${
        pool.network
      }", but no node of cluster "${
        cluster.name
      }" is attached to it (its nodes are on ${[...networks].join(
        ', ',
      )}); layer 2 announcements reach only a network a node is on`,
    );
  }
}

/** What each endpoint of each platform service says, checked against the cluster's pools and the other endpoints. */
function checkEndpoints(context: RuleContext) {
  const taken = new Map<string, string>();
  for (const cluster of context.inventory.clusters) {
    const pools = (cluster.loadBalancerPools ?? []).flatMap(pool =>
      pool.addresses.map(range => ({ pool, range })),
    );
    cluster.platformServices?.forEach((service, serviceIndex) => {
      service.endpoints?.forEach((endpoint, index) => {
        const path = ['platformServices', serviceIndex, 'endpoints', index];
        if (!endpoint.url && !endpoint.address && !endpoint.ports?.length) {
          context.error(
            cluster,
            path,
            'endpoint-empty',
            'an endpoint needs a url, an address or ports',
          );
          return;
        }
        const { address } = endpoint;
        if (address && endpoint.exposure === 'load-balancer') {
          const interval = addressInterval(address);
          if (
            !pools.some(({ range }) =>
              contains(rangeInterval(range.start, range.end), interval),
            )
          ) {
            context.warning(
              cluster,
              [...path, 'address'],
              'endpoint-address-outside-pools',
              `${address} is in no load-balancer pool of cluster "${cluster.name}"; a LoadBalancer Service gets its address from one`,
            );
          }
        }
        endpoint.ports?.forEach((port, portIndex) => {
          if (
            port.nodePort !== undefined &&
            (port.nodePort < 30000 || port.nodePort > 32767)
          ) {
            context.warning(
              cluster,
              [...path, 'ports', portIndex, 'nodePort'],
              'node-port-range',
              `NodePort ${port.nodePort} is outside Kubernetes' default NodePort range 30000-32767; fine only if the API server's --service-node-port-range was changed`,
            );
          }
          if (!address) return;
          const key = `${addressKey(address)}:${port.port}/${
            port.protocol ?? 'tcp'
          }`;
          const owner = `${service.name} of cluster "${cluster.name}"`;
          const earlier = taken.get(key);
          if (earlier) {
            context.error(
              cluster,
              [...path, 'ports', portIndex, 'port'],
              'endpoint-address-duplicate',
              `${address} port ${port.port}/${
                port.protocol ?? 'tcp'
              } is already the endpoint of ${earlier}; two services cannot answer on one address and port`,
            );
          } else {
            taken.set(key, owner);
          }
        });
      });
    });
  }
}

/** API server addresses, layer 2 pools and service endpoints: can they be reached as the inventory says. */
export function checkClusterReachability(
  context: RuleContext,
  plans: Map<string, NetworkPlan>,
  holders: Map<string, Assignment>,
) {
  for (const cluster of context.inventory.clusters) {
    checkApiServer(context, cluster, plans, holders);
  }
  checkL2Pools(context);
  checkEndpoints(context);
}
