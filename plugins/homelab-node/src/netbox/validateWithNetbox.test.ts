import path from 'node:path';
import { NetboxSections } from './netboxSources';
import { readNetbox } from './readNetbox';
import { validateWithNetbox } from './validateWithNetbox';

const FIXTURES = path.resolve(__dirname, '../../test-fixtures/netbox');

const SITE = `apiVersion: homelab.dev/v1alpha2
kind: Inventory
site:
  name: home
  owner: group:homelab-admins
`;

async function contribution(sections: NetboxSections) {
  const source = {
    name: 'home',
    sections,
    recorded: path.join(FIXTURES, 'netbox-4.2'),
  };
  return { source, snapshot: await readNetbox(source) };
}

const MERGE: NetboxSections = { devices: 'merge', networks: 'merge' };

describe('an inventory validated with its NetBox (the netbox-4.2 corpus)', () => {
  it('takes the devices and networks of NetBox alone as a valid inventory, its warnings named by NetBox pages', async () => {
    const validation = validateWithNetbox(
      [{ name: 'site.yaml', content: SITE }],
      [await contribution(MERGE)],
    );

    expect(validation.errorCount).toBe(0);
    expect(validation.inventory?.devices.map(d => d.name)).toEqual([
      'udm-pro',
      'usw-24-poe',
      'pve1',
      'nas',
    ]);
    expect(validation.inventory?.networks.map(n => n.name)).toEqual([
      'servers',
      'iot',
      'management',
      'guest',
    ]);
    expect(validation.problems.map(p => `${p.file} ${p.rule}`)).toEqual([
      'https://netbox.home.arpa/dcim/devices/4/ netbox-address-outside-prefixes',
      'https://netbox.home.arpa/dcim/devices/5/ netbox-unnamed-device',
    ]);
    const pve1 = validation.inventory!.devices.find(d => d.name === 'pve1')!;
    expect(validation.origins.get(pve1)?.source.name).toBe(
      'https://netbox.home.arpa/dcim/devices/3/',
    );
  });

  it('puts NetBox items through the same rules: an overlapping prefix is an error on its NetBox page, without a line', async () => {
    const nb = await contribution(MERGE);
    nb.snapshot.prefixes.push({
      ...nb.snapshot.prefixes[1],
      id: 9,
      display_url: 'https://netbox.home.arpa/ipam/prefixes/9/',
      prefix: '10.0.10.128/25',
      vlan: null,
      description: 'Lab',
    });

    const validation = validateWithNetbox(
      [{ name: 'site.yaml', content: SITE }],
      [nb],
    );

    expect(validation.inventory).toBeUndefined();
    expect(validation.problems.filter(p => p.severity === 'error')).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'network-overlap',
        file: 'https://netbox.home.arpa/ipam/prefixes/9/',
        path: 'cidr',
        message:
          '10.0.10.128/25 overlaps network "servers" (10.0.10.0/24, https://netbox.home.arpa/ipam/prefixes/2/); networks must not share addresses',
      }),
    ]);
    expect(validation.problems[0].line).toBeUndefined();
  });

  it('merge: the YAML keeps its own device, and where NetBox says otherwise it is drift', async () => {
    const yaml = `${SITE}devices:
  - name: pve1
    kind: server
    vendor: Minisforum
    model: MS-01 (i9-13900H)
    cpu: { cores: 14 }
    interfaces:
      - network: servers
        address: 10.0.10.12
`;
    const validation = validateWithNetbox(
      [{ name: 'devices.yaml', content: yaml }],
      [await contribution(MERGE)],
    );

    expect(validation.errorCount).toBe(0);
    const pve1 = validation.inventory!.devices.filter(d => d.name === 'pve1');
    expect(pve1).toHaveLength(1);
    expect(pve1[0].model).toBe('MS-01 (i9-13900H)');
    expect(validation.origins.get(pve1[0])?.source.name).toBe('devices.yaml');
    expect(validation.drift).toEqual([
      {
        source: 'home',
        kind: 'differs',
        entityRef: 'resource:default/pve1',
        message:
          'NetBox "home" says model "MS-01", the inventory "MS-01 (i9-13900H)"',
      },
      {
        source: 'home',
        kind: 'differs',
        entityRef: 'resource:default/pve1',
        message:
          'NetBox "home" says addresses "10.0.10.11", the inventory "10.0.10.12"',
      },
    ]);
  });

  it('netbox: a device the YAML declares in a section NetBox owns is an error at its line, and nothing is ingested', async () => {
    const yaml = `${SITE}devices:
  - name: pve1
    kind: server
`;
    const validation = validateWithNetbox(
      [{ name: 'devices.yaml', content: yaml }],
      [await contribution({ devices: 'netbox', networks: 'merge' })],
    );

    expect(validation.inventory).toBeUndefined();
    expect(validation.problems.filter(p => p.severity === 'error')).toEqual([
      {
        severity: 'error',
        rule: 'netbox-owned-section',
        file: 'devices.yaml',
        line: 7,
        column: 11,
        path: 'devices[0].name',
        message:
          'devices come only from NetBox "home" (homelab.inventory.netbox sections.devices: netbox); declare this one in NetBox, or set the section to merge',
      },
    ]);
  });

  it('without NetBox sources it is the plain validator', () => {
    const validation = validateWithNetbox(
      [{ name: 'site.yaml', content: SITE }],
      [],
    );

    expect(validation.errorCount).toBe(0);
    expect(validation.drift).toEqual([]);
  });
});
