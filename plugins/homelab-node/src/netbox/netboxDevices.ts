import { isIP } from 'node:net';
import { InventoryProblem } from '../inventory/problems';
import { toInventoryName } from '../inventory/toInventoryName';
import {
  NetboxDevice,
  NetboxInterface,
  NetboxIpAddress,
  NetboxSnapshot,
} from './netboxObjects';
import {
  MappedItem,
  NameRegistry,
  choiceValue,
  objectUrl,
  withoutMask,
} from './netboxMapping';
import { MappedNetwork, networkOf } from './netboxNetworks';

/** Words in a device role (slug or name) and the device kind they mean, first match wins. */
const KIND_BY_ROLE: Array<[RegExp, string]> = [
  [/access[- ]?point|\bap\b|wireless|wifi/i, 'access-point'],
  [/switch/i, 'switch'],
  [/router|firewall|gateway/i, 'router'],
  [/modem|\bont\b/i, 'modem'],
  [/\bups\b/i, 'ups'],
  [/\bnas\b|storage/i, 'nas'],
  [/\bsbc\b|raspberry/i, 'sbc'],
  [/compute[- ]module/i, 'compute-module'],
  [/mini[- ]?pc/i, 'mini-pc'],
  [/workstation|desktop/i, 'workstation'],
  [/server|hypervisor|\bhost\b|compute|node/i, 'server'],
];

/** NetBox device statuses as the inventory's. */
const DEVICE_STATUS: Record<string, string> = {
  active: 'active',
  offline: 'active',
  failed: 'active',
  planned: 'planned',
  staged: 'planned',
  inventory: 'spare',
  decommissioning: 'retired',
  // NetBox 2.x numbered them.
  '0': 'active',
  '1': 'active',
  '2': 'planned',
  '3': 'planned',
  '4': 'active',
  '5': 'spare',
  '6': 'retired',
};

function kindOf(device: NetboxDevice): string {
  const role = device.role ?? device.device_role;
  const words = `${role?.slug ?? ''} ${role?.name ?? ''}`;
  return (
    KIND_BY_ROLE.find(([pattern]) => pattern.test(words))?.[1] ?? 'unknown'
  );
}

/** The interface an address is assigned to, when it is a device's interface. */
function assignedInterface(address: NetboxIpAddress) {
  if (address.assigned_object_type === 'dcim.interface')
    return address.assigned_object ?? undefined;
  if (address.assigned_object_type) return undefined;
  return address.interface ?? undefined;
}

/** Items by a key; items without one are left out. */
function groupBy<T>(
  items: readonly T[],
  keyOf: (item: T) => number | undefined,
): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A 48-bit MAC, as the inventory holds them (NetBox also keeps 64-bit and InfiniBand addresses). */
const MAC_48 = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

function macOf(iface?: NetboxInterface): string | undefined {
  const mac = (
    iface?.primary_mac_address?.mac_address ?? iface?.mac_address
  )?.toLowerCase();
  return mac && MAC_48.test(mac) ? mac : undefined;
}

interface DeviceContext {
  networks: readonly MappedNetwork[];
  interfacesById: ReadonlyMap<number, NetboxInterface>;
  /** Each device's interfaces, by device id. */
  interfacesOf: ReadonlyMap<number, NetboxInterface[]>;
  /** The addresses assigned to each device's interfaces, by device id. */
  addressesOf: ReadonlyMap<number, NetboxIpAddress[]>;
  kindOf: ReadonlyMap<number, string>;
  problems: InventoryProblem[];
}

/** The device's addressed interfaces, each on the network whose block holds its address. */
function interfacesOf(
  device: NetboxDevice,
  deviceUrl: string,
  context: DeviceContext,
) {
  const interfaces: Array<Record<string, unknown>> = [];
  const unplaced: string[] = [];
  for (const address of context.addressesOf.get(device.id) ?? []) {
    const assigned = assignedInterface(address)!;
    const ip = withoutMask(address.address);
    if (!isIP(ip)) continue;
    const network = networkOf(context.networks, ip);
    if (!network) {
      unplaced.push(`${address.address} on ${assigned.name ?? 'an interface'}`);
      continue;
    }
    const iface =
      assigned.id === undefined
        ? undefined
        : context.interfacesById.get(assigned.id);
    const mac = macOf(iface);
    interfaces.push({
      network: network.item.name,
      address: ip,
      ...(assigned.name ? { name: assigned.name } : {}),
      ...(mac ? { mac } : {}),
      ...(iface?.speed ? { speedGbps: iface.speed / 1_000_000 } : {}),
    });
  }
  if (unplaced.length) {
    context.problems.push({
      severity: 'warning',
      rule: 'netbox-address-outside-prefixes',
      file: deviceUrl,
      path: 'interfaces',
      message: `${unplaced.join(', ')} ${
        unplaced.length === 1 ? 'is' : 'are'
      } in no prefix NetBox holds as a network, so the inventory leaves ${
        unplaced.length === 1 ? 'it' : 'them'
      } out; add the prefix in NetBox`,
    });
  }
  return interfaces.length ? { interfaces } : {};
}

/** Cables from the device's interfaces to other devices' interfaces. */
function linksOf(
  device: NetboxDevice,
  context: DeviceContext,
  nameOf: ReadonlyMap<number, string>,
) {
  const isSwitch = (id: number) => context.kindOf.get(id) === 'switch';
  const links: Array<Record<string, unknown>> = [];
  for (const iface of context.interfacesOf.get(device.id) ?? []) {
    if (iface.link_peers_type !== 'dcim.interface') continue;
    for (const peer of iface.link_peers ?? []) {
      const peerName = peer.device && nameOf.get(peer.device.id);
      const peerId = peer.device!.id;
      // One cable, one link, said by the device plugged into the switch (or,
      // between two switches or two others, by the lower id).
      const saidByPeer =
        isSwitch(device.id) === isSwitch(peerId)
          ? peerId < device.id
          : isSwitch(device.id);
      if (!peerName || saidByPeer) continue;
      links.push({
        device: peerName,
        ...(peer.name ? { port: peer.name } : {}),
        ...(iface.speed ? { speedGbps: iface.speed / 1_000_000 } : {}),
      });
    }
  }
  return links.length ? { links } : {};
}

/**
 * The inventory's devices from NetBox's: kind from the role, vendor and model
 * from the device type, the platform as operating system, the out-of-band
 * address as management, each addressed interface on the network holding
 * its address, and cables as links. Devices without a name are left out
 * with a warning.
 */
export function netboxDevices(
  snapshot: NetboxSnapshot,
  networks: readonly MappedNetwork[],
  baseUrl: string,
  problems: InventoryProblem[],
): MappedItem[] {
  const names = new NameRegistry();
  const nameOf = new Map<number, string>();
  for (const device of snapshot.devices) {
    if (device.name)
      nameOf.set(
        device.id,
        names.claim(toInventoryName(device.name) || `device-${device.id}`),
      );
  }
  const context: DeviceContext = {
    networks,
    interfacesOf: groupBy(snapshot.interfaces, i => i.device.id),
    addressesOf: groupBy(
      snapshot.ipAddresses,
      address => assignedInterface(address)?.device?.id,
    ),
    problems,
    interfacesById: new Map(snapshot.interfaces.map(i => [i.id, i])),
    kindOf: new Map(snapshot.devices.map(d => [d.id, kindOf(d)])),
  };
  const devices: MappedItem[] = [];
  for (const device of snapshot.devices) {
    const url = objectUrl(device, baseUrl, 'dcim/devices');
    const name = nameOf.get(device.id);
    if (!name) {
      problems.push({
        severity: 'warning',
        rule: 'netbox-unnamed-device',
        file: url,
        path: '',
        message:
          'a device without a name cannot be an inventory device; name it in NetBox',
      });
      continue;
    }
    const vendor = device.device_type?.manufacturer?.name;
    const model = device.device_type?.model;
    const oob = device.oob_ip?.address && withoutMask(device.oob_ip.address);
    devices.push({
      url,
      item: {
        name,
        ...(device.name !== name ? { title: device.name } : {}),
        ...(device.description ? { description: device.description } : {}),
        kind: context.kindOf.get(device.id),
        ...(vendor ? { vendor } : {}),
        ...(model ? { model } : {}),
        status:
          DEVICE_STATUS[choiceValue(device.status) ?? 'active'] ?? 'active',
        ...(device.platform?.name
          ? { os: { name: device.platform.name } }
          : {}),
        ...(oob ? { management: { address: oob } } : {}),
        ...interfacesOf(device, url, context),
        ...linksOf(device, context, nameOf),
      },
    });
  }
  return devices;
}
