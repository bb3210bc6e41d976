import { isIP } from 'node:net';
import {
  addressInterval,
  cidrInterval,
  contains,
  IpInterval,
} from '../inventory/addressing';
import { toInventoryName } from '../inventory/toInventoryName';
import { NetboxIpAddress, NetboxRef, NetboxSnapshot } from './netboxObjects';
import {
  MappedItem,
  NameRegistry,
  choiceValue,
  objectUrl,
  withoutMask,
} from './netboxMapping';

/** A network of the inventory, with the interval its addresses fall in. */
export interface MappedNetwork extends MappedItem {
  interval?: IpInterval;
}

/** NetBox prefix statuses as lifecycle statuses; containers are not networks. */
const PREFIX_STATUS: Record<string, string> = {
  active: 'active',
  reserved: 'planned',
  deprecated: 'retired',
  // NetBox 2.x numbered them: 0 container, 1 active, 2 reserved, 3 deprecated.
  '1': 'active',
  '2': 'planned',
  '3': 'retired',
};

const isContainer = (status: string | undefined) =>
  status === 'container' || status === '0';

const DHCP = /\bdhcp\b/i;
const GATEWAY = /\bgateway\b/i;

const refText = (ref?: NetboxRef | null) => ref?.slug ?? ref?.name ?? '';

/** Addresses held for a role (a VIP, VRRP, anycast...) by no interface. */
const isVirtual = (address: NetboxIpAddress) =>
  !address.assigned_object && !address.interface && !!choiceValue(address.role);

/** Addresses tagged or described as a gateway. */
const isGateway = (address: NetboxIpAddress) =>
  !!address.tags?.some(tag => GATEWAY.test(tag.slug ?? tag.name ?? '')) ||
  GATEWAY.test(address.description ?? '');

const inside = (interval: IpInterval) => (address: NetboxIpAddress) =>
  contains(interval, addressInterval(withoutMask(address.address)));

function rangesOf(
  snapshot: NetboxSnapshot,
  virtual: readonly NetboxIpAddress[],
  interval: IpInterval,
) {
  const dhcp: Array<{ start: string; end: string }> = [];
  const reserved: Array<{ start: string; end?: string; purpose: string }> =
    virtual.filter(inside(interval)).map(address => ({
      start: withoutMask(address.address),
      purpose:
        address.description || address.role?.label || 'a virtual address',
    }));
  for (const range of snapshot.ipRanges) {
    const start = withoutMask(range.start_address);
    const end = withoutMask(range.end_address);
    if (!contains(interval, addressInterval(start))) continue;
    const words = `${refText(range.role)} ${range.role?.name ?? ''} ${
      range.description ?? ''
    }`;
    if (DHCP.test(words)) dhcp.push({ start, end });
    else
      reserved.push({
        start,
        end,
        purpose:
          range.description || range.role?.name || 'an IP range in NetBox',
      });
  }
  return {
    ...(dhcp.length ? { dhcp } : {}),
    ...(reserved.length ? { reserved } : {}),
  };
}

/** The first gateway address inside the interval. */
function gatewayOf(gateways: readonly NetboxIpAddress[], interval: IpInterval) {
  const gateway = gateways.find(inside(interval));
  return gateway ? { gateway: withoutMask(gateway.address) } : {};
}

/**
 * The inventory's networks from NetBox's prefixes (containers left out: they
 * group networks, they are not one), each with its VLAN, the IP ranges in it
 * (DHCP when the range's role or description says so, otherwise reserved),
 * virtual addresses no interface holds (reserved for their role), and an
 * address tagged or described as the gateway; VLANs with no prefix
 * become networks whose CIDR is unknown.
 */
export function netboxNetworks(
  snapshot: NetboxSnapshot,
  names: NameRegistry,
  baseUrl: string,
): MappedNetwork[] {
  const networks: MappedNetwork[] = [];
  const vlansWithPrefix = new Set<number>();
  const virtual = snapshot.ipAddresses.filter(isVirtual);
  const gateways = snapshot.ipAddresses.filter(isGateway);
  for (const prefix of snapshot.prefixes) {
    const status = choiceValue(prefix.status);
    if (isContainer(status) || !isIP(prefix.prefix.split('/')[0])) continue;
    const interval = cidrInterval(prefix.prefix);
    if (prefix.vlan) vlansWithPrefix.add(prefix.vlan.id);
    const label =
      prefix.vlan?.name ||
      prefix.description ||
      `net-${prefix.prefix.replace(/[.:/]+/g, '-')}`;
    const vid =
      prefix.vlan?.vid ??
      snapshot.vlans.find(vlan => vlan.id === prefix.vlan?.id)?.vid;
    const name = names.claim(toInventoryName(label) || `prefix-${prefix.id}`);
    networks.push({
      interval,
      url: objectUrl(prefix, baseUrl, 'ipam/prefixes'),
      item: {
        name,
        ...(prefix.vlan?.name && prefix.vlan.name !== name
          ? { title: prefix.vlan.name }
          : {}),
        ...(prefix.description ? { description: prefix.description } : {}),
        status: PREFIX_STATUS[status ?? 'active'] ?? 'active',
        ...(vid ? { vlan: vid } : {}),
        cidr: prefix.prefix,
        ...gatewayOf(gateways, interval),
        ...rangesOf(snapshot, virtual, interval),
      },
    });
  }
  for (const vlan of snapshot.vlans) {
    if (vlansWithPrefix.has(vlan.id)) continue;
    const name = names.claim(toInventoryName(vlan.name) || `vlan-${vlan.vid}`);
    networks.push({
      url: objectUrl(vlan, baseUrl, 'ipam/vlans'),
      item: {
        name,
        ...(vlan.name !== name ? { title: vlan.name } : {}),
        ...(vlan.description ? { description: vlan.description } : {}),
        status: PREFIX_STATUS[choiceValue(vlan.status) ?? 'active'] ?? 'active',
        vlan: vlan.vid,
        cidr: 'unknown',
      },
    });
  }
  return networks;
}

/** The most specific network whose block holds the address. */
export function networkOf(
  networks: readonly MappedNetwork[],
  address: string,
): MappedNetwork | undefined {
  const interval = addressInterval(address);
  let best: MappedNetwork | undefined;
  for (const network of networks) {
    if (!network.interval || !contains(network.interval, interval)) continue;
    if (
      !best?.interval ||
      network.interval.last - network.interval.first <
        best.interval.last - best.interval.first
    )
      best = network;
  }
  return best;
}
