import path from 'node:path';
import { netboxToInventory } from './netboxToInventory';
import { readNetbox } from './readNetbox';

const FIXTURES = path.resolve(__dirname, '../../test-fixtures/netbox');

const recorded = (corpus: string) =>
  readNetbox({
    name: 'home',
    sections: { devices: 'merge', networks: 'merge' },
    recorded: path.join(FIXTURES, corpus),
  });

describe('NetBox objects as inventory items', () => {
  it('maps NetBox 4.2 prefixes, ranges, VIPs and VLANs to networks, containers left out', async () => {
    const { networks } = netboxToInventory(
      await recorded('netbox-4.2'),
      'https://netbox.home.arpa',
    );

    expect(networks).toEqual([
      {
        url: 'https://netbox.home.arpa/ipam/prefixes/2/',
        item: {
          name: 'servers',
          title: 'Servers',
          status: 'active',
          vlan: 10,
          cidr: '10.0.10.0/24',
          gateway: '10.0.10.1',
          dhcp: [{ start: '10.0.10.100', end: '10.0.10.199' }],
          reserved: [
            { start: '10.0.10.250', purpose: 'Kubernetes API VIP' },
            {
              start: '10.0.10.240',
              end: '10.0.10.249',
              purpose: 'MetalLB pool',
            },
          ],
        },
      },
      {
        url: 'https://netbox.home.arpa/ipam/prefixes/3/',
        item: {
          name: 'iot',
          title: 'IoT',
          status: 'active',
          vlan: 20,
          cidr: '10.0.20.0/24',
          gateway: '10.0.20.1',
          dhcp: [{ start: '10.0.20.50', end: '10.0.20.250' }],
        },
      },
      {
        url: 'https://netbox.home.arpa/ipam/prefixes/4/',
        item: {
          name: 'management',
          description: 'Management',
          status: 'planned',
          cidr: '10.0.99.0/24',
        },
      },
      {
        url: 'https://netbox.home.arpa/ipam/vlans/3/',
        item: {
          name: 'guest',
          title: 'Guest',
          description: 'Guest Wi-Fi, internet only',
          status: 'active',
          vlan: 30,
          cidr: 'unknown',
        },
      },
    ]);
  });

  it('maps NetBox 4.2 devices with their role, type, platform, addressed interfaces, MACs and cables', async () => {
    const { devices, problems } = netboxToInventory(
      await recorded('netbox-4.2'),
      'https://netbox.home.arpa',
    );

    expect(devices.map(d => d.item)).toEqual([
      {
        name: 'udm-pro',
        title: 'UDM-Pro',
        kind: 'router',
        vendor: 'Ubiquiti',
        model: 'UniFi Dream Machine Pro',
        status: 'active',
        os: { name: 'UniFi OS' },
        interfaces: [
          {
            network: 'servers',
            address: '10.0.10.1',
            name: 'eth8',
            mac: '74:ac:b9:14:22:01',
            speedGbps: 1,
          },
          { network: 'iot', address: '10.0.20.1', name: 'br20' },
        ],
        links: [{ device: 'usw-24-poe', port: 'Port 24', speedGbps: 1 }],
      },
      {
        name: 'usw-24-poe',
        title: 'USW-24-PoE',
        kind: 'switch',
        vendor: 'Ubiquiti',
        model: 'USW-24-PoE',
        status: 'active',
        management: { address: '10.0.99.2' },
        interfaces: [
          { network: 'management', address: '10.0.99.2', name: 'mgmt' },
        ],
      },
      {
        name: 'pve1',
        description: 'Proxmox VE host',
        kind: 'server',
        vendor: 'Minisforum',
        model: 'MS-01',
        status: 'active',
        os: { name: 'Proxmox VE' },
        interfaces: [
          {
            network: 'servers',
            address: '10.0.10.11',
            name: 'enp2s0f0np0',
            mac: '58:47:ca:71:0a:3e',
            speedGbps: 10,
          },
        ],
        links: [{ device: 'usw-24-poe', port: 'Port 1', speedGbps: 10 }],
      },
      {
        name: 'nas',
        kind: 'nas',
        vendor: 'Synology',
        model: 'DS920+',
        status: 'active',
        os: { name: 'DSM' },
        interfaces: [
          {
            network: 'servers',
            address: '10.0.10.20',
            name: 'eth0',
            mac: '00:11:32:ab:cd:ef',
            speedGbps: 1,
          },
        ],
      },
    ]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        rule: 'netbox-address-outside-prefixes',
        file: 'https://netbox.home.arpa/dcim/devices/4/',
        path: 'interfaces',
        message:
          '192.168.1.50/24 on eth1 is in no prefix NetBox holds as a network, so the inventory leaves it out; add the prefix in NetBox',
      },
      {
        severity: 'warning',
        rule: 'netbox-unnamed-device',
        file: 'https://netbox.home.arpa/dcim/devices/5/',
        path: '',
        message:
          'a device without a name cannot be an inventory device; name it in NetBox',
      },
    ]);
  });

  it('leaves out a MAC the inventory cannot hold (an InfiniBand GUID) rather than failing the device', async () => {
    const snapshot = await recorded('netbox-4.2');
    const pve = snapshot.interfaces.find(i => i.name === 'enp2s0f0np0')!;
    pve.primary_mac_address = {
      mac_address:
        '80:00:02:08:FE:80:00:00:00:00:00:00:00:02:C9:02:00:23:13:92',
    };

    const { devices } = netboxToInventory(snapshot, 'https://netbox.home.arpa');

    expect(devices[2].item.interfaces).toEqual([
      {
        network: 'servers',
        address: '10.0.10.11',
        name: 'enp2s0f0np0',
        speedGbps: 10,
      },
    ]);
  });

  it('reads the NetBox 2.x answers of pynetbox: numeric statuses, `interface` on addresses, loopbacks and /31s outside every prefix', async () => {
    const { devices, networks, problems } = netboxToInventory(
      await recorded('pynetbox-fc30530'),
      'http://localhost:8000',
    );

    expect(devices).toHaveLength(11);
    expect(devices[0]).toEqual({
      url: 'http://localhost:8000/dcim/devices/2/',
      item: {
        name: 'test1-core1',
        kind: 'switch',
        vendor: 'Juniper',
        model: 'EX9214',
        status: 'active',
        os: { name: 'Juniper Junos' },
      },
    });
    expect(
      networks.map(n => [n.item.name, n.item.cidr, n.item.status]),
    ).toEqual([
      ['net-10-0-255-0-24', '10.0.255.0/24', 'active'],
      ['net-10-1-1-0-24', '10.1.1.0/24', 'active'],
      ['test', 'unknown', 'active'],
      ['v2069', 'unknown', 'active'],
      ['v1210', 'unknown', 'active'],
    ]);
    expect(problems.map(p => p.file)).toEqual([
      'http://localhost:8000/dcim/devices/2/',
      'http://localhost:8000/dcim/devices/8/',
      'http://localhost:8000/dcim/devices/1/',
      'http://localhost:8000/dcim/devices/7/',
    ]);
    expect(problems[0].message).toBe(
      '10.0.254.1/24 on lo0, 10.15.22.2/31 on xe-0/0/5, 10.16.22.2/31 on xe-0/0/4, 169.254.1.2/31 on et-0/1/2 are in no prefix NetBox holds as a network, so the inventory leaves them out; add the prefix in NetBox',
    );
  });
});
