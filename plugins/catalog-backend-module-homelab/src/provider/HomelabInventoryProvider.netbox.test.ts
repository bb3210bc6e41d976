import {
  TestDatabases,
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NetboxSource } from '@homelab/plugin-homelab-node';
import fs from 'node:fs';
import path from 'node:path';
import { InventoryStatusStore } from '../status/InventoryStatusStore';
import { HomelabInventoryProvider } from './HomelabInventoryProvider';

/*
 * An inventory built from a YAML site file and a NetBox (the netbox-4.2
 * recorded corpus of homelab-node): what reaches the catalog, what the
 * status says, and what happens when NetBox goes away.
 */

const corpus = path.resolve(
  __dirname,
  '../../../homelab-node/test-fixtures/netbox/netbox-4.2',
);
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const SITE = `apiVersion: homelab.dev/v1alpha2
kind: Inventory
site:
  name: home
  owner: group:homelab-admins
devices:
  - name: pve1
    kind: server
    vendor: Minisforum
    model: MS-01 (i9-13900H)
`;

function copyCorpus(into: string) {
  fs.cpSync(corpus, into, { recursive: true });
}

async function setUp(netboxFolder: string) {
  const inventory = createMockDirectory();
  inventory.setContent({ 'site.yaml': SITE });
  const knex = await databases.init('SQLITE_3');
  const mutations: Entity[][] = [];
  const source: NetboxSource = {
    name: 'home',
    sections: { devices: 'merge', networks: 'netbox' },
    recorded: netboxFolder,
  };
  const provider = new HomelabInventoryProvider({
    name: 'home',
    target: inventory.path,
    urlReader: mockServices.urlReader.mock(),
    logger: mockServices.logger.mock(),
    store: await InventoryStatusStore.create(mockServices.database({ knex })),
    clusterClients: { get: () => undefined },
    netboxSources: [source],
  });
  await provider.connect({
    applyMutation: async mutation => {
      if (mutation.type === 'full')
        mutations.push(mutation.entities.map(e => e.entity));
    },
    refresh: async () => {},
  });
  return { provider, mutations };
}

const names = (entities: Entity[]) =>
  entities
    .filter(e => e.kind === 'Resource')
    .map(e => e.metadata.name)
    .sort();

describe('an inventory whose devices and networks come from NetBox', () => {
  it('ingests NetBox devices and networks linked to their NetBox pages, keeps the YAML device, and reports the drift', async () => {
    const netbox = createMockDirectory();
    copyCorpus(netbox.path);
    const { provider, mutations } = await setUp(netbox.path);

    const status = await provider.refresh();

    expect(status.state).toBe('valid');
    expect(names(mutations[0])).toEqual([
      'guest',
      'iot',
      'management',
      'nas',
      'pve1',
      'servers',
      'udm-pro',
      'usw-24-poe',
    ]);
    const nas = mutations[0].find(e => e.metadata.name === 'nas')!;
    expect(nas.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location':
        'url:https://netbox.home.arpa/dcim/devices/4/',
      'backstage.io/view-url': 'https://netbox.home.arpa/dcim/devices/4/',
    });
    const pve1 = mutations[0].find(e => e.metadata.name === 'pve1')!;
    expect(
      pve1.metadata.annotations?.['backstage.io/view-url'],
    ).toBeUndefined();
    // The entity's page says it too.
    expect(pve1.spec?.homelab).toMatchObject({
      model: 'MS-01 (i9-13900H)',
      drift: [
        'NetBox "home" says model "MS-01", the inventory "MS-01 (i9-13900H)"',
      ],
    });
    expect(status.drift).toEqual([
      {
        source: 'home',
        kind: 'differs',
        entityRef: 'resource:default/pve1',
        message:
          'NetBox "home" says model "MS-01", the inventory "MS-01 (i9-13900H)"',
      },
    ]);
    expect(status.netbox).toEqual([
      expect.objectContaining({
        source: 'home',
        state: 'ok',
        lastSuccessAt: status.checkedAt,
      }),
    ]);
    expect(status.problems.map(p => p.rule)).toEqual([
      'netbox-address-outside-prefixes',
      'netbox-unnamed-device',
    ]);
  });

  it('keeps the last good NetBox devices and networks when NetBox cannot be read, marked stale with the time and the reason', async () => {
    const netbox = createMockDirectory();
    copyCorpus(netbox.path);
    const { provider, mutations } = await setUp(netbox.path);
    const first = await provider.refresh();
    fs.rmSync(path.join(netbox.path, 'dcim/devices.json'));

    const second = await provider.refresh();

    expect(second.state).toBe('valid');
    expect(names(mutations[1])).toEqual(names(mutations[0]));
    expect(second.netbox).toEqual([
      expect.objectContaining({
        state: 'failed',
        lastSuccessAt: first.checkedAt,
        error: expect.stringMatching(/^NetBox "home": ENOENT/),
      }),
    ]);
  });

  it('changes nothing in the catalog while a NetBox has never been read, and says why', async () => {
    const { provider, mutations } = await setUp('/nonexistent/netbox');

    const status = await provider.refresh();

    expect(mutations).toEqual([]);
    expect(status.state).toBe('unreadable');
    expect(status.error).toMatch(
      /^NetBox "home" has never been read, so its devices and networks are not known: NetBox "home": ENOENT/,
    );
  });
});
