import { Device, DeviceKind, Network } from '@homelab/plugin-homelab-common';
import {
  IpInterval,
  addressInterval,
  cidrInterval,
  contains,
  findOverlaps,
  formatInterval,
  networkAddressOf,
  overlaps,
  rangeInterval,
} from '../addressing';
import { PathSegment } from '../problems';
import { RuleContext } from './context';

/** A range of a network's plan (DHCP, reserved, or a load-balancer pool), with where it is written. */
type RangeKind = 'dhcp' | 'reserved' | 'pool';

interface PlannedRange {
  kind: RangeKind;
  interval: IpInterval;
  label: string;
  item: object;
  path: PathSegment[];
}

interface NetworkPlan {
  network: Network;
  interval: IpInterval;
  ranges: PlannedRange[];
}

function describeRange(range: PlannedRange): string {
  const addresses = formatInterval(range.interval);
  switch (range.kind) {
    case 'dhcp':
      return `the DHCP range ${addresses}`;
    case 'pool':
      return `the load-balancer pool ${range.label} (${addresses})`;
    default:
      return `${addresses}, reserved for ${range.label}`;
  }
}

/** The rule for two overlapping ranges, whichever order they come in. */
function overlapRule(a: RangeKind, b: RangeKind): string {
  const kinds = new Set([a, b]);
  if (kinds.has('pool'))
    return kinds.has('dhcp') ? 'pool-overlaps-dhcp' : 'pool-overlap';
  return kinds.size === 1 && kinds.has('dhcp')
    ? 'dhcp-overlap'
    : 'reserved-overlap';
}

/**
 * Which of two overlapping ranges the problem is reported at: the pool or
 * reservation rather than DHCP, whose range is the usual thing to keep;
 * between two of a kind, the one defined later.
 */
function reportedAt<T extends PlannedRange & { position: number }>(
  a: T,
  b: T,
): [T, T] {
  if (a.kind === 'dhcp' && b.kind !== 'dhcp') return [b, a];
  if (b.kind === 'dhcp' && a.kind !== 'dhcp') return [a, b];
  return a.position > b.position ? [a, b] : [b, a];
}

/** What a static address inside a range means, per kind of range. */
const STATIC_IN_RANGE: Record<RangeKind, { rule: string; advice: string }> = {
  dhcp: {
    rule: 'address-in-dhcp-range',
    advice:
      '; DHCP could hand it to another device. Use an address outside the range, or shrink the range',
  },
  pool: {
    rule: 'address-in-pool',
    advice: '; the load balancer could give it to a service',
  },
  reserved: { rule: 'address-reserved', advice: '' },
};

function checkRangeBounds(
  context: RuleContext,
  item: object,
  path: PathSegment[],
  start: string,
  end: string,
  plan: NetworkPlan | undefined,
): IpInterval | undefined {
  const interval = rangeInterval(start, end);
  if (interval.family !== rangeInterval(end, end).family) {
    context.error(
      item,
      path,
      'range-family',
      `the range mixes IPv4 and IPv6 (${start} to ${end})`,
    );
    return undefined;
  }
  if (interval.first > interval.last) {
    context.error(
      item,
      path,
      'range-reversed',
      `the range starts at ${start}, after its end ${end}; swap them`,
    );
    return undefined;
  }
  if (plan && !contains(plan.interval, interval)) {
    context.error(
      item,
      path,
      'address-outside-network',
      `${start}-${end} is not inside network "${plan.network.name}" (${plan.network.cidr})`,
    );
    return undefined;
  }
  return interval;
}

/**
 * Each network's plan: its own checks (network address, unique VLAN, gateway
 * inside), overlaps between networks, then its DHCP and reserved ranges and
 * the load-balancer pools in it, and overlaps between those ranges.
 */
function buildNetworkPlans(context: RuleContext): Map<string, NetworkPlan> {
  const plans = planNetworks(context);
  checkNetworkOverlaps(context);
  for (const plan of plans.values()) planNetworkRanges(context, plan);
  planPools(context, plans);
  for (const plan of plans.values()) checkRangeOverlaps(context, plan);
  return plans;
}

/** One plan per network name, with each network's own checks. */
function planNetworks(context: RuleContext): Map<string, NetworkPlan> {
  const plans = new Map<string, NetworkPlan>();
  const vlans = new Map<number, Network>();
  for (const network of context.inventory.networks) {
    const interval = cidrInterval(network.cidr);
    const boundary = `${networkAddressOf(network.cidr)}/${
      network.cidr.split('/')[1]
    }`;
    if (boundary !== network.cidr) {
      context.error(
        network,
        ['cidr'],
        'network-address',
        `${network.cidr} is not a network address: the host bits are set; did you mean ${boundary}?`,
      );
    }
    if (network.vlan !== undefined) {
      const other = vlans.get(network.vlan);
      if (other) {
        context.error(
          network,
          ['vlan'],
          'duplicate-vlan',
          `VLAN ${network.vlan} is already used by network "${
            other.name
          }" (${context.where(other)})`,
        );
      } else {
        vlans.set(network.vlan, network);
      }
    }
    if (
      network.gateway &&
      !contains(interval, addressInterval(network.gateway))
    ) {
      context.error(
        network,
        ['gateway'],
        'address-outside-network',
        `the gateway ${network.gateway} is not inside ${network.cidr}`,
      );
    }
    if (!plans.has(network.name)) {
      plans.set(network.name, { network, interval, ranges: [] });
    }
  }
  return plans;
}

/** Each overlap is reported at the network defined later, usually the new one. */
function checkNetworkOverlaps(context: RuleContext) {
  for (const pair of findOverlaps(
    context.inventory.networks.map((network, position) => ({
      network,
      position,
      interval: cidrInterval(network.cidr),
    })),
  )) {
    const [earlier, later] = pair.sort((x, y) => x.position - y.position);
    context.error(
      later.network,
      ['cidr'],
      'network-overlap',
      `${later.network.cidr} overlaps network "${earlier.network.name}" (${
        earlier.network.cidr
      }, ${context.where(earlier.network)}); networks must not share addresses`,
    );
  }
}

/** A network's DHCP and reserved ranges, and a DHCP range that takes its gateway. */
function planNetworkRanges(context: RuleContext, plan: NetworkPlan) {
  const { network } = plan;
  network.dhcp?.forEach((range, index) => {
    const interval = checkRangeBounds(
      context,
      network,
      ['dhcp', index],
      range.start,
      range.end,
      plan,
    );
    if (interval) {
      plan.ranges.push({
        kind: 'dhcp',
        interval,
        label: 'DHCP',
        item: network,
        path: ['dhcp', index],
      });
    }
  });
  network.reserved?.forEach((range, index) => {
    const end = range.end ?? range.start;
    const interval = checkRangeBounds(
      context,
      network,
      ['reserved', index],
      range.start,
      end,
      plan,
    );
    if (interval) {
      plan.ranges.push({
        kind: 'reserved',
        interval,
        label: range.purpose,
        item: network,
        path: ['reserved', index],
      });
    }
  });
  if (network.gateway) {
    const gateway = addressInterval(network.gateway);
    for (const range of plan.ranges) {
      if (range.kind === 'dhcp' && overlaps(range.interval, gateway)) {
        context.error(
          network,
          range.path,
          'gateway-in-dhcp',
          `${describeRange(range)} includes the gateway ${
            network.gateway
          }; DHCP would hand the gateway address to a client`,
        );
      }
    }
  }
}

/** The clusters' load-balancer pools, in the plans of their networks. */
function planPools(context: RuleContext, plans: Map<string, NetworkPlan>) {
  for (const { cluster, pool, index } of context.index.pools) {
    const plan = plans.get(pool.network);
    pool.addresses.forEach((range, rangeIndex) => {
      const path = ['loadBalancerPools', index, 'addresses', rangeIndex];
      const interval = checkRangeBounds(
        context,
        cluster,
        path,
        range.start,
        range.end,
        plan,
      );
      if (interval && plan) {
        plan.ranges.push({
          kind: 'pool',
          interval,
          label: `"${pool.name}" of cluster "${cluster.name}"`,
          item: cluster,
          path,
        });
      }
    });
  }
}

function checkRangeOverlaps(context: RuleContext, plan: NetworkPlan) {
  const positioned = plan.ranges.map((range, position) => ({
    ...range,
    position,
  }));
  for (const [a, b] of findOverlaps(positioned)) {
    const [first, second] = reportedAt(a, b);
    const rule = overlapRule(first.kind, second.kind);
    context.error(
      first.item,
      first.path,
      rule,
      `${describeRange(first)} overlaps ${describeRange(second)} in network "${
        plan.network.name
      }"; an address must belong to one of them only`,
    );
  }
}

const GATEWAY_KINDS: DeviceKind[] = ['router', 'modem', 'virtual-machine'];

interface Assignment {
  device: Device;
  path: PathSegment[];
  address: string;
}

function checkStaticAddresses(
  context: RuleContext,
  plans: Map<string, NetworkPlan>,
) {
  const assigned = new Map<string, Assignment>();
  const gateways = new Map<string, Network>();
  for (const network of context.inventory.networks) {
    if (network.gateway) gateways.set(addressKey(network.gateway), network);
  }

  const checkAddress = (assignment: Assignment, plan: NetworkPlan) => {
    const { device, path, address } = assignment;
    const interval = addressInterval(address);
    const { network } = plan;
    if (!contains(plan.interval, interval)) {
      context.error(
        device,
        path,
        'address-outside-network',
        `${address} is not inside network "${network.name}" (${network.cidr})`,
      );
      return;
    }
    if (
      interval.family === 'ipv4' &&
      plan.interval.last - plan.interval.first > 1n
    ) {
      if (
        interval.first === plan.interval.first ||
        interval.first === plan.interval.last
      ) {
        context.error(
          device,
          path,
          'address-not-host',
          `${address} is the ${
            interval.first === plan.interval.first ? 'network' : 'broadcast'
          } address of ${network.cidr}, not a host address`,
        );
        return;
      }
    }
    for (const range of plan.ranges) {
      if (overlaps(range.interval, interval)) {
        const { rule, advice } = STATIC_IN_RANGE[range.kind];
        context.error(
          device,
          path,
          rule,
          `${address} is inside ${describeRange(range)}${advice}`,
        );
      }
    }
  };

  const claim = (assignment: Assignment) => {
    const key = addressKey(assignment.address);
    const earlier = assigned.get(key);
    if (earlier && earlier.device !== assignment.device) {
      context.error(
        assignment.device,
        assignment.path,
        'duplicate-address',
        `${assignment.address} is already assigned to device "${
          earlier.device.name
        }" (${context.where(earlier.device)})`,
      );
    } else if (!earlier) {
      assigned.set(key, assignment);
    }
  };

  for (const device of context.inventory.devices) {
    device.interfaces?.forEach((networkInterface, index) => {
      if (!networkInterface.address) return;
      const assignment = {
        device,
        path: ['interfaces', index, 'address'],
        address: networkInterface.address,
      };
      const plan = plans.get(networkInterface.network);
      if (plan) checkAddress(assignment, plan);
      claim(assignment);
    });
    if (device.management) {
      const address = device.management.address;
      const assignment = { device, path: ['management', 'address'], address };
      const interval = addressInterval(address);
      const plan = [...plans.values()].find(candidate =>
        contains(candidate.interval, interval),
      );
      if (plan) {
        checkAddress(assignment, plan);
      } else {
        context.warning(
          device,
          assignment.path,
          'address-unknown-network',
          `the management address ${address} is not inside any network of the inventory`,
        );
      }
      claim(assignment);
    }
  }
  // The gateway is normally an address of the router (or of a modem serving
  // its own LAN, or a firewall VM); on anything else it is likely a typo.
  for (const [key, network] of gateways) {
    const holder = assigned.get(key);
    if (holder && !GATEWAY_KINDS.includes(holder.device.kind)) {
      context.warning(
        holder.device,
        holder.path,
        'gateway-address',
        `${holder.address} is the gateway of network "${network.name}", but "${holder.device.name}" is a ${holder.device.kind}, not a router`,
      );
    }
  }
}

function addressKey(address: string): string {
  const interval = addressInterval(address);
  return `${interval.family}:${interval.first}`;
}

function checkClusterCidrs(context: RuleContext) {
  for (const cluster of context.inventory.clusters) {
    const cidrs = [
      { field: 'podCidr', cidr: cluster.podCidr },
      { field: 'serviceCidr', cidr: cluster.serviceCidr },
    ].filter((entry): entry is { field: string; cidr: string } => !!entry.cidr);
    for (const { field, cidr } of cidrs) {
      const interval = cidrInterval(cidr);
      for (const network of context.inventory.networks) {
        if (overlaps(interval, cidrInterval(network.cidr))) {
          context.error(
            cluster,
            [field],
            'cluster-cidr-collision',
            `${field} ${cidr} overlaps LAN network "${network.name}" (${network.cidr}); pods and services would shadow real hosts`,
          );
        }
      }
    }
    if (
      cidrs.length === 2 &&
      overlaps(cidrInterval(cidrs[0].cidr), cidrInterval(cidrs[1].cidr))
    ) {
      context.error(
        cluster,
        ['serviceCidr'],
        'cluster-cidr-collision',
        `serviceCidr ${cidrs[1].cidr} overlaps podCidr ${cidrs[0].cidr}`,
      );
    }
  }
}

export function checkAddressPlan(context: RuleContext) {
  const plans = buildNetworkPlans(context);
  checkStaticAddresses(context, plans);
  checkClusterCidrs(context);
}
