import { Inventory } from '@homelab/plugin-homelab-common';
import path from 'node:path';
import { parse } from 'yaml';
import { readInventoryFromPath } from '../inventory/readInventory';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { markdownTables } from './__testUtils__/markdownTables';
import { generateInventoryDocs } from './generateInventoryDocs';

const example = path.resolve(__dirname, '../../../../examples/homelab');

async function exampleInventory(): Promise<Inventory> {
  const { inventory } = validateInventoryFiles(
    await readInventoryFromPath(example),
  );
  return inventory!;
}

const files = (inventory: Inventory) =>
  Object.fromEntries(
    generateInventoryDocs(inventory).map(f => [f.path, f.content]),
  );

describe('generateInventoryDocs', () => {
  it('writes an MkDocs site: mkdocs.yml with the navigation, and one page each', async () => {
    const docs = files(await exampleInventory());
    expect(Object.keys(docs)).toEqual([
      'mkdocs.yml',
      'docs/index.md',
      'docs/hardware.md',
      'docs/network.md',
      'docs/clusters.md',
      'docs/storage.md',
      'docs/environments.md',
      'docs/failure-domains.md',
      'docs/power-and-capacity.md',
    ]);
    const mkdocs = parse(docs['mkdocs.yml']);
    expect(mkdocs).toMatchObject({
      site_name: 'Hallonen homelab architecture',
      docs_dir: 'docs',
      theme: { name: 'material', font: false },
    });
    expect(mkdocs.nav.map((n: object) => Object.values(n)[0])).toEqual(
      Object.keys(docs)
        .filter(f => f.startsWith('docs/'))
        .map(f => f.slice('docs/'.length)),
    );
  });

  it('gives the same bytes for the same inventory', async () => {
    expect(files(await exampleInventory())).toEqual(
      files(await exampleInventory()),
    );
  });

  it('changes exactly the pages a change of the inventory touches', async () => {
    const before = files(await exampleInventory());
    const changed = await exampleInventory();
    changed.networks.find(n => n.name === 'iot')!.purpose =
      'Smart home devices only';
    const after = files(changed);
    const differing = Object.keys(before).filter(f => before[f] !== after[f]);
    expect(differing).toEqual(['docs/network.md']);
    expect(after['docs/network.md']).toContain('| Smart home devices only |');
  });

  it('adds up cores, memory, NPU TOPS and power per cluster', async () => {
    const totals = markdownTables(
      files(await exampleInventory())['docs/hardware.md'],
    ).find(t => t.heading === '## Totals')!;
    expect(totals.rows[0]).toEqual([
      'Production cluster nodes',
      '3',
      '24',
      '96GB',
      '18 TOPS',
      '~15W typical',
    ]);
  });

  it('lists every address a network hands out or keeps, in address order', async () => {
    const serverlan = markdownTables(
      files(await exampleInventory())['docs/network.md'],
    ).find(t => t.heading === '### ServerLAN (192.168.100.0/24)')!;
    expect(serverlan.rows.map(r => `${r[0]} ${r[2]}`)).toEqual([
      '192.168.100.1 gateway',
      '192.168.100.10 static',
      '192.168.100.11 static',
      '192.168.100.12 static',
      '192.168.100.13 static',
      '192.168.100.14 reserved',
      '192.168.100.150 – 192.168.100.159 dhcp',
      '192.168.100.160 – 192.168.100.179 load balancer (metallb)',
      '192.168.100.180 – 192.168.100.199 load balancer (metallb)',
      '192.168.100.200 – 192.168.100.254 dhcp',
    ]);
  });

  it('draws the physical topology, the network and the GitOps flow as Mermaid diagrams', async () => {
    const docs = files(await exampleInventory());
    const diagrams = Object.entries(docs).flatMap(([file, text]) =>
      [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(
        m => `${file}: ${m[1].split('\n')[0]}`,
      ),
    );
    expect(diagrams).toEqual([
      'docs/index.md: flowchart TB',
      'docs/network.md: flowchart LR',
      'docs/environments.md: flowchart LR',
      'docs/environments.md: flowchart LR',
    ]);
    expect(docs['docs/index.md']).toContain(
      'subgraph dev_turing_pi_2["Turing Pi 2"]',
    );
  });

  it('keeps free text from breaking a table', async () => {
    const inventory = await exampleInventory();
    inventory.networks[0].purpose = 'Core | management\nonly';
    const vlans = markdownTables(files(inventory)['docs/network.md']).find(
      t => t.heading === '## VLANs',
    )!;
    expect(vlans.rows[0]).toHaveLength(vlans.headers.length);
    expect(vlans.rows[0][5]).toBe('Core | management only');
  });

  it("gives each VLAN the inventory's gateway, in the Gateway column", async () => {
    const vlans = markdownTables(
      files(await exampleInventory())['docs/network.md'],
    ).find(t => t.heading === '## VLANs')!;
    const column = (name: string) =>
      vlans.rows.map(row => row[vlans.headers.indexOf(name)]);
    expect(
      Object.fromEntries(
        column('Network').map((network, i) => [network, column('Gateway')[i]]),
      ),
    ).toEqual({
      '192.168.10.0/24': '192.168.10.1',
      '192.168.100.0/24': '192.168.100.1',
      '192.168.30.0/24': '192.168.30.1',
      '192.168.15.0/24': '192.168.15.1',
      '192.168.20.0/24': '192.168.20.1',
      // The 4G modem's own network: the references give no addresses.
      'CIDR not stated': '—',
    });
  });
});
