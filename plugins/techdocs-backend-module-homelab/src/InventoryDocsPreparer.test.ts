import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { PreparerBase } from '@backstage/plugin-techdocs-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InventoryDocsPreparer } from './InventoryDocsPreparer';

const EXAMPLE = path.resolve(__dirname, '../../../examples/homelab');

const domain = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name: 'hallonen', annotations },
  spec: { owner: 'group:homelab-admins' },
});

describe('InventoryDocsPreparer', () => {
  let root: string;
  let inventory: string;
  let fallback: jest.Mocked<PreparerBase>;
  let preparer: InventoryDocsPreparer;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-techdocs-'));
    inventory = path.join(root, 'inventory');
    fs.cpSync(EXAMPLE, inventory, { recursive: true });
    fallback = {
      prepare: jest.fn(async (_entity: Entity) => ({
        preparedDir: '/srv/docs',
        etag: 'x',
      })),
      shouldCleanPreparedDirectory: jest.fn(() => false),
    };
    preparer = new InventoryDocsPreparer({
      locations: [{ name: 'hallonen', target: inventory }],
      reader: mockServices.urlReader.mock(),
      logger: mockServices.logger.mock(),
      fallback,
      workDir: path.join(root, 'work'),
    });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const site = domain({
    'homelab.dev/inventory-docs': 'hallonen',
    'backstage.io/techdocs-ref': 'dir:.',
  });

  it("prepares a site's docs from its inventory: mkdocs.yml and the pages", async () => {
    const { preparedDir, etag } = await preparer.prepare(site);
    expect(fs.readdirSync(path.join(preparedDir, 'docs')).sort()).toEqual([
      'clusters.md',
      'environments.md',
      'failure-domains.md',
      'hardware.md',
      'index.md',
      'network.md',
      'power-and-capacity.md',
      'storage.md',
    ]);
    expect(
      fs.readFileSync(path.join(preparedDir, 'mkdocs.yml'), 'utf8'),
    ).toContain('site_name: Hallonen homelab architecture');
    expect(etag).toMatch(/^[0-9a-f]{64}$/);
    expect(fallback.prepare).not.toHaveBeenCalled();
  });

  it('is unmodified while the inventory is, and rebuilds at its first change', async () => {
    const first = await preparer.prepare(site);
    await expect(
      preparer.prepare(site, { etag: first.etag }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });

    const network = path.join(inventory, 'network.yaml');
    fs.writeFileSync(
      network,
      fs
        .readFileSync(network, 'utf8')
        .replace('purpose: No Internet Devices', 'purpose: Air-gapped lab'),
    );
    const second = await preparer.prepare(site, { etag: first.etag });
    expect(second.etag).not.toBe(first.etag);
    expect(
      fs.readFileSync(path.join(second.preparedDir, 'docs/network.md'), 'utf8'),
    ).toContain('| Air-gapped lab |');
  });

  it("fails on an invalid inventory with the validator's problems", async () => {
    const network = path.join(inventory, 'network.yaml');
    fs.writeFileSync(
      network,
      fs.readFileSync(network, 'utf8').replace('vlan: 30', 'vlan: 100'),
    );
    await expect(preparer.prepare(site)).rejects.toThrow(
      /The homelab inventory "hallonen" \(.*\) is invalid, so its docs were not rebuilt:\n.*network\.yaml:\d+:\d+: error: networks\[2\]\.vlan: .*VLAN 100/,
    );
  });

  it('refuses an inventory that is not configured', async () => {
    await expect(
      preparer.prepare(domain({ 'homelab.dev/inventory-docs': 'elsewhere' })),
    ).rejects.toThrow(
      'domain:default/hallonen asks for the docs of inventory "elsewhere", which is not in homelab.inventory.locations',
    );
  });

  it("leaves every other entity to TechDocs' own directory preparer", async () => {
    const component = {
      ...domain({ 'backstage.io/techdocs-ref': 'dir:.' }),
      kind: 'Component',
    };
    expect(await preparer.prepare(component, { etag: 'e' })).toEqual({
      preparedDir: '/srv/docs',
      etag: 'x',
    });
    expect(fallback.prepare).toHaveBeenCalledWith(component, { etag: 'e' });
    expect(preparer.shouldCleanPreparedDirectory()).toBe(false);
  });
});
