import { Entity } from '@backstage/catalog-model';
import { parseHomelabSpec } from '@homelab/plugin-homelab-common';
import {
  inventoryToEntities,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import path from 'node:path';
import { discoverProxmox, ProxmoxDiscovery } from './discoverProxmox';
import { mergeProxmoxGuests } from './mergeProxmoxGuests';

// The inventory's view of the Proxmox VE server of the recorded answer
// (homelab-node's test-fixtures/proxmox): ubuntu listed with fewer vCPUs than it has,
// Jellyfin and win not listed, and a backup VM that the server does not run.
const INVENTORY = `apiVersion: homelab.dev/v1alpha1
kind: Inventory
site: { name: lab, owner: group:admins }
devices:
  - name: pve
    kind: server
  - name: ubuntu
    kind: virtual-machine
    host: pve
    vmid: 101
    vcpus: 4
    memoryGB: 6
  - name: backup-vm
    kind: virtual-machine
    host: pve
    vmid: 105
`;

function inventoryEntities(): Entity[] {
  const validation = validateInventoryFiles([
    { name: 'inventory.yaml', content: INVENTORY },
  ]);
  expect(validation.problems).toEqual([]);
  return inventoryToEntities(validation.inventory!, {
    origins: validation.origins,
  });
}

const recorded = (now: string) =>
  discoverProxmox(
    [
      {
        name: 'pve',
        recordedResources: path.resolve(
          require.resolve('@homelab/plugin-homelab-node/package.json'),
          '../test-fixtures/proxmox/cluster-resources.json',
        ),
      },
    ],
    [],
    new Date(now),
  );

const byName = (entities: Entity[], name: string) =>
  entities.find(e => e.metadata.name === name)!;

describe('mergeProxmoxGuests', () => {
  it('gives a listed guest its live facts and reports where it differs', async () => {
    const { entities, drift } = mergeProxmoxGuests(
      inventoryEntities(),
      await recorded('2026-12-01T10:00:00Z'),
    );

    expect(byName(entities, 'ubuntu').spec?.homelab).toMatchObject({
      vmid: 101,
      live: {
        source: 'pve',
        observedAt: '2026-12-01T10:00:00.000Z',
        stale: false,
        vmid: 101,
        node: 'pve',
        type: 'qemu',
        status: 'stopped',
        recorded: true,
        uptimeSeconds: 0,
        vcpus: 8,
        memoryMaxBytes: 6442450944,
        diskMaxBytes: 137438953472,
      },
    });
    expect(drift).toContainEqual({
      source: 'pve',
      kind: 'differs',
      entityRef: 'resource:default/ubuntu',
      message:
        'qemu/101 ubuntu in Proxmox VE pve: 8 vCPUs, the inventory says 4',
    });
  });

  it('adds each guest the inventory does not list, marked so, and reports the listed one Proxmox does not run', async () => {
    const { entities, drift } = mergeProxmoxGuests(
      inventoryEntities(),
      await recorded('2026-12-01T10:00:00Z'),
    );

    const jellyfin = byName(entities, 'jellyfin');
    expect(jellyfin.metadata).toMatchObject({
      title: 'Jellyfin',
      tags: ['proxmox', 'not-in-inventory'],
      annotations: {
        'backstage.io/managed-by-location': expect.stringMatching(
          /^file:.*test-fixtures\/proxmox\/cluster-resources\.json$/,
        ),
        'homelab.dev/not-in-inventory':
          'Proxmox VE pve runs lxc/100; the inventory does not list it',
      },
    });
    expect(jellyfin.spec?.homelab).toMatchObject({
      hostedOn: 'resource:default/pve',
      vcpus: 8,
      memoryGB: 12,
      live: { type: 'lxc', status: 'running', uptimeSeconds: 1204757 },
    });
    // Valid homelab entities, as the catalog's processor checks them.
    for (const name of ['jellyfin', 'win', 'ubuntu']) {
      expect(parseHomelabSpec(byName(entities, name)).state).toBe('valid');
    }

    // In the order Proxmox lists its guests.
    expect(drift.map(d => `${d.kind} ${d.entityRef}: ${d.message}`)).toEqual([
      'not-in-inventory resource:default/jellyfin: lxc/100 Jellyfin runs on pve in Proxmox VE pve; the inventory does not list it',
      'differs resource:default/ubuntu: qemu/101 ubuntu in Proxmox VE pve: 8 vCPUs, the inventory says 4',
      'not-in-inventory resource:default/win: qemu/102 win runs on pve in Proxmox VE pve; the inventory does not list it',
      'not-in-source resource:default/backup-vm: backup-vm (vmid 105) is in the inventory on pve, but Proxmox VE pve runs no such guest',
    ]);
  });

  it('never takes a guest of one Proxmox cluster for a VM on another with the same vmid', async () => {
    const [pve] = await recorded('2026-12-01T10:00:00Z');
    // A second cluster whose node pve2 runs its own vmid 101.
    const other: ProxmoxDiscovery = {
      ...pve,
      source: 'pve2',
      resources: [
        { id: 'node/pve2', type: 'node', node: 'pve2', status: 'online' },
        {
          id: 'qemu/101',
          type: 'qemu',
          vmid: 101,
          name: 'gitlab',
          node: 'pve2',
          status: 'running',
          template: 0,
        },
      ],
    };
    const { entities } = mergeProxmoxGuests(inventoryEntities(), [pve, other]);

    expect(byName(entities, 'ubuntu').spec?.homelab).toMatchObject({
      live: { source: 'pve', node: 'pve' },
    });
    expect(byName(entities, 'gitlab').metadata.tags).toContain(
      'not-in-inventory',
    );
  });

  it("finds a guest's host by the inventory name of its Proxmox node, as the import command names it", async () => {
    const [pve] = await recorded('2026-12-01T10:00:00Z');
    // The same server with its node named as Proxmox allows: upper case.
    const renamed: ProxmoxDiscovery = {
      ...pve,
      resources: pve.resources.map(r => (r.node ? { ...r, node: 'PVE' } : r)),
    };

    const { entities, drift } = mergeProxmoxGuests(inventoryEntities(), [
      renamed,
    ]);

    expect(byName(entities, 'win').spec?.homelab).toMatchObject({
      hostedOn: 'resource:default/pve',
    });
    expect(drift.map(d => d.message).join('\n')).not.toContain(
      'the inventory says pve',
    );
    expect(drift.filter(d => d.kind === 'not-in-source')).toHaveLength(1);
  });

  it('marks the facts stale after a failed read, and adds nothing for a source never read', async () => {
    const [good] = await recorded('2026-12-01T10:00:00Z');
    const failed: ProxmoxDiscovery = {
      ...good,
      state: 'failed',
      checkedAt: '2026-12-01T10:05:00.000Z',
      error: 'connect ECONNREFUSED',
    };
    const { entities } = mergeProxmoxGuests(inventoryEntities(), [failed]);
    expect(byName(entities, 'ubuntu').spec?.homelab).toMatchObject({
      live: {
        observedAt: '2026-12-01T10:00:00.000Z',
        stale: true,
        error: 'connect ECONNREFUSED',
      },
    });

    const neverRead: ProxmoxDiscovery = {
      source: 'pve',
      location: 'url:https://192.168.100.5:8006',
      state: 'failed',
      checkedAt: '2026-12-01T10:05:00.000Z',
      error: 'connect ECONNREFUSED',
      resources: [],
    };
    const untouched = mergeProxmoxGuests(inventoryEntities(), [neverRead]);
    expect(untouched.drift).toEqual([]);
    expect(untouched.entities).toEqual(inventoryEntities());
  });
});
