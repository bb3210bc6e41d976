import { Network, UNKNOWN } from '@homelab/plugin-homelab-common';
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

export interface PlannedRange {
  kind: RangeKind;
  interval: IpInterval;
  label: string;
  item: object;
  path: PathSegment[];
}

/**
 * A network's address plan: its block (undefined when its CIDR is
 * "unknown", so nothing is checked against it) and the ranges in it.
 */
export interface NetworkPlan {
  network: Network;
  interval?: IpInterval;
  ranges: PlannedRange[];
}

/** The address interval of a network, or undefined when its CIDR is unknown. */
export function networkInterval(network: Network): IpInterval | undefined {
  return network.cidr === UNKNOWN ? undefined : cidrInterval(network.cidr);
}

/**
 * Whether an address of a network is its network or broadcast address, for
 * IPv4 networks larger than a point-to-point /31.
 */
export function nonHostAddress(
  plan: NetworkPlan,
  interval: IpInterval,
): 'network' | 'broadcast' | undefined {
  const block = plan.interval;
  if (!block || block.family !== 'ipv4' || block.last - block.first <= 1n)
    return undefined;
  if (interval.first <= block.first && block.first <= interval.last)
    return 'network';
  if (interval.first <= block.last && block.last <= interval.last)
    return 'broadcast';
  return undefined;
}

export function describeRange(range: PlannedRange): string {
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
export const STATIC_IN_RANGE: Record<
  RangeKind,
  { rule: string; advice: string }
> = {
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
  hostsOnly: boolean,
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
  if (plan?.interval && !contains(plan.interval, interval)) {
    context.error(
      item,
      path,
      'address-outside-network',
      `${start}-${end} is not inside network "${plan.network.name}" (${plan.network.cidr})`,
    );
    return undefined;
  }
  const notHost =
    plan?.interval && hostsOnly ? nonHostAddress(plan, interval) : undefined;
  if (notHost) {
    const edge =
      notHost === 'network' ? plan!.interval!.first : plan!.interval!.last;
    context.error(
      item,
      path,
      'range-not-host',
      `${start}-${end} includes the ${notHost} address ${formatInterval({
        family: interval.family,
        first: edge,
        last: edge,
      })} of ${plan!.network.cidr}, which no host can be given`,
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
export function buildNetworkPlans(
  context: RuleContext,
): Map<string, NetworkPlan> {
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
    const interval = networkInterval(network);
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
    const plan: NetworkPlan = { network, interval, ranges: [] };
    if (interval) checkBlock(context, plan);
    if (!plans.has(network.name)) plans.set(network.name, plan);
  }
  return plans;
}

/** A known network block: its host bits clear, its gateway a host address inside it. */
function checkBlock(context: RuleContext, plan: NetworkPlan) {
  const { network, interval } = plan;
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
  if (!network.gateway) return;
  const gateway = addressInterval(network.gateway);
  if (!contains(interval!, gateway)) {
    context.error(
      network,
      ['gateway'],
      'address-outside-network',
      `the gateway ${network.gateway} is not inside ${network.cidr}`,
    );
    return;
  }
  const notHost = nonHostAddress(plan, gateway);
  if (notHost) {
    context.error(
      network,
      ['gateway'],
      'gateway-not-host',
      `the gateway ${network.gateway} is the ${notHost} address of ${network.cidr}, not a host address; a router cannot answer on it`,
    );
  }
}

/** Each overlap is reported at the network defined later, usually the new one. */
function checkNetworkOverlaps(context: RuleContext) {
  for (const pair of findOverlaps(
    context.inventory.networks.flatMap((network, position) => {
      const interval = networkInterval(network);
      return interval ? [{ network, position, interval }] : [];
    }),
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
      true,
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
      false,
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
        true,
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
