import { commentedItem } from '../inventory/commentedItem';
import { toInventoryName } from '../inventory/toInventoryName';
import { MappedItem, objectUrl } from './netboxMapping';
import { NetboxDevice, NetboxSnapshot } from './netboxObjects';
import { netboxToInventory } from './netboxToInventory';

/** What NetBox knows of a device that the inventory has no field for, for the comment. */
function deviceFacts(device?: NetboxDevice): string {
  if (!device) return '';
  const facts = [
    device.site?.name && `site ${device.site.name}`,
    device.rack?.name &&
      `rack ${device.rack.name}${
        device.position ? ` U${device.position}` : ''
      }`,
    device.serial && `serial ${device.serial}`,
  ].filter(Boolean);
  return facts.length ? ` (${facts.join(', ')})` : '';
}

function section(
  name: string,
  items: MappedItem[],
  comment: (mapped: MappedItem) => string,
): string[] {
  return items.length
    ? [
        `${name}:`,
        ...items.map(mapped => commentedItem(mapped.item, comment(mapped))),
      ]
    : [];
}

/**
 * A starter inventory, homelab.dev/v1alpha2, from what NetBox holds: its
 * prefixes and VLANs as networks and its devices with their addresses and
 * cables, mapped as the catalog module maps them. Comments say where each
 * entry came from, what NetBox knows that the format does not hold, what
 * was left out and why, and what to add (hardware, power).
 *
 * @public
 */
export function netboxStarterInventory(
  snapshot: NetboxSnapshot,
  options: {
    source: string;
    baseUrl: string;
    site: string;
    owner: string;
    readAt: Date;
  },
): string {
  const mapped = netboxToInventory(snapshot, options.baseUrl);
  const byUrl = new Map(
    snapshot.devices.map(device => [
      objectUrl(device, options.baseUrl, 'dcim/devices'),
      device,
    ]),
  );
  return [
    `# A starter inventory from NetBox ${
      options.source
    }, read ${options.readAt.toISOString()}`,
    '# (dcim/devices, dcim/interfaces, ipam/ip-addresses, ipam/prefixes, ipam/ip-ranges, ipam/vlans).',
    '# NetBox knows devices, networks and addresses; it does not know CPUs, memory, disks or',
    '# power. Complete the entries below, add clusters and services, then check it with:',
    '#   npx homelab-inventory validate <this file>',
    'apiVersion: homelab.dev/v1alpha2',
    'kind: Inventory',
    'site:',
    `  name: ${toInventoryName(options.site)}`,
    `  owner: ${options.owner}`,
    ...section('networks', mapped.networks, ({ url }) => `from ${url}`),
    ...section(
      'devices',
      mapped.devices,
      ({ url }) =>
        `from ${url}${deviceFacts(
          byUrl.get(url),
        )}. Add cpu, memoryGB, disks and power.`,
    ),
    ...(mapped.problems.length
      ? [
          '# Left out:',
          ...mapped.problems.map(
            problem => `#   ${problem.file}: ${problem.message}`,
          ),
        ]
      : []),
    '',
  ].join('\n');
}
