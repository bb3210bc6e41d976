import { Entity } from '@backstage/catalog-model';
import { parseHomelabSpec } from '@homelab/plugin-homelab-common';
import {
  inventoryToEntities,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import path from 'node:path';
import { discoverProxmox, ProxmoxDiscovery } from './discoverProxmox';
import { mergeProxmoxHosts } from './mergeProxmoxHosts';

// A real server's recorded /cluster/resources (homelab-node's
// test-fixtures/proxmox): one node, pve, with a CIFS share and two directories.
const RECORDED = path.resolve(
  require.resolve('@homelab/plugin-homelab-node/package.json'),
  '../test-fixtures/proxmox/cluster-resources.json',
);

function inventoryEntities(deviceName: string): Entity[] {
  const validation = validateInventoryFiles([
    {
      name: 'inventory.yaml',
      content: `apiVersion: homelab.dev/v1alpha2
kind: Inventory
site: { name: lab, owner: group:admins }
devices:
  - { name: ${deviceName}, kind: server }
`,
    },
  ]);
  return inventoryToEntities(validation.inventory!, {
    origins: validation.origins,
  });
}

const read = (
  source: string,
  previous: ProxmoxDiscovery[] = [],
  now = '2026-11-20T10:00:00Z',
) =>
  discoverProxmox(
    [{ name: 'pve', recordedResources: source }],
    previous,
    new Date(now),
  );

describe('mergeProxmoxHosts', () => {
  it("puts what Proxmox VE says of a node and its storage on the inventory device of the node's name, valid for the catalog", async () => {
    const { entities, drift } = mergeProxmoxHosts(
      inventoryEntities('pve'),
      await read(RECORDED),
    );

    const pve = entities.find(e => e.metadata.name === 'pve')!;
    expect(pve.spec?.homelab).toMatchObject({
      live: {
        source: 'pve',
        observedAt: '2026-11-20T10:00:00.000Z',
        stale: false,
        recorded: true,
        node: 'pve',
        status: 'online',
        uptimeSeconds: 1204771,
        cpus: 12,
        cpuUse: 0.0451634094268353,
        memoryBytes: 11522887680,
        memoryMaxBytes: 29287632896,
        storage: [
          {
            name: 'DSM',
            type: 'cifs',
            content: 'snippets,backup,images,rootdir,vztmpl,iso',
            shared: true,
            status: 'available',
            usedBytes: 1250082226176,
            totalBytes: 9909187887104,
          },
          expect.objectContaining({ name: 'hard', type: 'dir', shared: false }),
          expect.objectContaining({
            name: 'local',
            type: 'dir',
            shared: false,
          }),
        ],
      },
    });
    expect(() => parseHomelabSpec(pve)).not.toThrow();
    expect(drift).toEqual([]);
  });

  it('keeps the last facts of a node when Proxmox cannot be read, marked stale with the reason', async () => {
    const first = await read(RECORDED);
    const failed = await read(
      '/nonexistent.json',
      first,
      '2026-11-20T10:05:00Z',
    );

    const { entities } = mergeProxmoxHosts(inventoryEntities('pve'), failed);

    const pve = entities.find(e => e.metadata.name === 'pve')!;
    expect((pve.spec?.homelab as { live?: object }).live).toMatchObject({
      observedAt: '2026-11-20T10:00:00.000Z',
      stale: true,
      error: expect.stringContaining('ENOENT'),
      status: 'online',
    });
  });

  it('reports a node the inventory has no device for as drift, and changes no entity', async () => {
    const entities = inventoryEntities('nuc');

    const merged = mergeProxmoxHosts(entities, await read(RECORDED));

    expect(merged.entities).toEqual(entities);
    expect(merged.drift).toEqual([
      {
        source: 'pve',
        kind: 'not-in-inventory',
        entityRef: 'resource:default/pve',
        message:
          'Proxmox VE pve has a node pve; the inventory has no device named pve',
      },
    ]);
  });
});
