import {
  decimalText,
  linkSpeedText,
  Network,
} from '@homelab/plugin-homelab-common';
import { addressRangeSize, toInteger } from '../../inventory/addressing';
import { DocsContext } from '../docsContext';
import {
  counted,
  label,
  NOT_STATED,
  mermaid,
  nodeId,
  page,
  rangeText,
  table,
} from '../markdown';

const INTERNET_ACCESS = {
  full: 'full',
  restricted: 'restricted',
  none: 'none (local only)',
};

/** A network's CIDR, or that it is not stated. */
const cidrText = (network: Network) =>
  network.cidr === 'unknown' ? `CIDR ${NOT_STATED}` : network.cidr;

interface Allocation {
  first: string;
  addresses: string;
  what: string;
  kind: string;
}

/** Every address or range a network hands out or keeps, in address order. */
function allocations(context: DocsContext, network: Network): Allocation[] {
  const { inventory } = context;
  const out: Allocation[] = [];
  if (network.gateway) {
    const router = inventory.devices.find(d =>
      (d.interfaces ?? []).some(
        i => i.network === network.name && i.address === network.gateway,
      ),
    );
    out.push({
      first: network.gateway,
      addresses: network.gateway,
      what: router ? context.titleOf(router) : 'default gateway',
      kind: 'gateway',
    });
  }
  for (const device of inventory.devices) {
    for (const iface of device.interfaces ?? []) {
      if (iface.network === network.name && iface.address) {
        if (iface.address === network.gateway) continue;
        out.push({
          first: iface.address,
          addresses: iface.address,
          what: context.titleOf(device),
          kind: 'static',
        });
      }
    }
  }
  for (const reserved of network.reserved ?? []) {
    out.push({
      first: reserved.start,
      addresses: rangeText(reserved),
      what: reserved.purpose,
      kind: 'reserved',
    });
  }
  for (const dhcp of network.dhcp ?? []) {
    out.push({
      first: dhcp.start,
      addresses: rangeText(dhcp),
      what: `DHCP (${counted(
        addressRangeSize(dhcp.start, dhcp.end),
        'address',
        'addresses',
      )})`,
      kind: 'dhcp',
    });
  }
  for (const cluster of inventory.clusters) {
    for (const pool of cluster.loadBalancerPools ?? []) {
      if (pool.network !== network.name) continue;
      for (const addresses of pool.addresses) {
        out.push({
          first: addresses.start,
          addresses: rangeText(addresses),
          what: `${context.titleOf(pool)} (${context.titleOf(cluster)})`,
          kind: `load balancer (${pool.type})`,
        });
      }
    }
  }
  return out.sort((a, b) => {
    const difference = toInteger(a.first) - toInteger(b.first);
    return Number(difference > 0n) - Number(difference < 0n);
  });
}

function networkDiagram(context: DocsContext): string {
  const { inventory } = context;
  const lines = ['flowchart LR', `  internet((Internet))`];
  const routers = new Set(inventory.wan.map(w => w.router));
  for (const wan of inventory.wan) {
    const id = nodeId('wan', wan.name);
    lines.push(
      `  ${id}[${label(
        context.titleOf(wan),
        wan.type === 'unknown' ? wan.role : `${wan.type}, ${wan.role}`,
      )}]`,
      `  internet --- ${id}`,
    );
    const via = wan.via ? nodeId('dev', wan.via) : undefined;
    if (via)
      lines.push(
        `  ${id} --- ${via}`,
        `  ${via} --> ${nodeId('dev', wan.router)}`,
      );
    else lines.push(`  ${id} --> ${nodeId('dev', wan.router)}`);
  }
  for (const device of inventory.devices) {
    if (
      device.kind === 'router' ||
      device.kind === 'modem' ||
      routers.has(device.name)
    ) {
      lines.push(
        `  ${nodeId('dev', device.name)}[${label(context.titleOf(device))}]`,
      );
    }
  }
  for (const network of inventory.networks) {
    const id = nodeId('net', network.name);
    lines.push(
      `  ${id}{{${label(
        `${context.titleOf(network)}${
          network.vlan ? ` (VLAN ${network.vlan})` : ''
        }`,
        cidrText(network),
      )}}}`,
    );
    const router = inventory.devices.find(
      d =>
        (d.kind === 'router' || d.kind === 'modem') &&
        (d.interfaces ?? []).some(i => i.network === network.name),
    );
    if (router) lines.push(`  ${nodeId('dev', router.name)} --- ${id}`);
  }
  return mermaid(lines);
}

/** network.md: VLANs, Wi-Fi, WAN, IP allocations and load-balancer pools. */
export function networkPage(context: DocsContext): string {
  const { inventory } = context;
  const withStatus = inventory.networks.some(n => n.status !== 'active');
  const vlans = table(
    [
      'VLAN',
      'Name',
      ...(withStatus ? ['Status'] : []),
      'Network',
      'Gateway',
      'DHCP',
      'Purpose',
      'Wi-Fi SSID',
      'Internet',
      'Description',
    ],
    inventory.networks.map(network => [
      network.vlan,
      context.titleOf(network),
      ...(withStatus ? [network.status] : []),
      cidrText(network),
      network.gateway,
      (network.dhcp ?? []).map(rangeText).join(', '),
      network.purpose,
      (network.ssids ?? []).map(s => s.name).join(', '),
      network.internet ? INTERNET_ACCESS[network.internet] : NOT_STATED,
      network.description,
    ]),
  );
  const ssids = inventory.networks.flatMap(network =>
    (network.ssids ?? []).map(ssid => [
      ssid.name,
      network.vlan,
      context.titleOf(network),
      ssid.purpose,
      ssid.security?.toUpperCase().replace('-', '/'),
      ssid.access,
    ]),
  );
  const wan = table(
    ['Uplink', 'Type', 'Role', 'Downlink', 'Uplink speed', 'Router', 'Via'],
    inventory.wan.map(link => [
      context.titleOf(link),
      link.type === 'unknown' ? NOT_STATED : link.type,
      link.role,
      link.downlinkMbps
        ? `${decimalText(link.downlinkMbps)} Mbit/s`
        : undefined,
      link.uplinkMbps ? `${decimalText(link.uplinkMbps)} Mbit/s` : undefined,
      context.deviceTitle(link.router),
      link.via ? context.deviceTitle(link.via) : undefined,
    ]),
  );
  const pools = inventory.clusters.flatMap(cluster =>
    (cluster.loadBalancerPools ?? []).map(pool => [
      context.titleOf(pool),
      context.titleOf(cluster),
      pool.type,
      pool.mode,
      context.titleOf(context.network(pool.network) ?? { name: pool.network }),
      pool.addresses.map(rangeText).join(', '),
      pool.addresses
        .reduce((sum, r) => sum + addressRangeSize(r.start, r.end), 0)
        .toString(),
    ]),
  );
  const links = inventory.devices.flatMap(device =>
    (device.links ?? []).map(link => [
      context.titleOf(device),
      context.deviceTitle(link.device),
      link.port,
      link.speedGbps ? linkSpeedText(link.speedGbps) : undefined,
    ]),
  );
  const allocationTables = inventory.networks.flatMap(network => {
    const rows = allocations(context, network);
    return rows.length
      ? [
          `### ${context.titleOf(network)} (${cidrText(network)})`,
          table(
            ['Addresses', 'Assigned to', 'Kind'],
            rows.map(r => [r.addresses, r.what, r.kind]),
          ),
        ]
      : [];
  });

  if (!inventory.networks.length && !inventory.wan.length && !links.length)
    return page('Network', ['The inventory states no networks.']);
  return page('Network', [
    networkDiagram(context),
    ...(inventory.networks.length ? ['## VLANs', vlans] : []),
    ...(ssids.length
      ? [
          '## Wi-Fi',
          table(
            ['SSID', 'VLAN', 'Network', 'Purpose', 'Security', 'Access'],
            ssids,
          ),
        ]
      : []),
    ...(inventory.wan.length ? ['## Internet uplinks', wan] : []),
    ...(pools.length
      ? [
          '## Load-balancer pools',
          table(
            ['Pool', 'Cluster', 'Type', 'Mode', 'Network', 'Addresses', 'Size'],
            pools,
          ),
        ]
      : []),
    ...(allocationTables.length
      ? ['## IP allocations', ...allocationTables]
      : []),
    ...(links.length
      ? ['## Cabling', table(['From', 'To', 'Port', 'Link'], links)]
      : []),
  ]);
}
