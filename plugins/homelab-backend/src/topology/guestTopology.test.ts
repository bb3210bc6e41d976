import { Entity } from '@backstage/catalog-model';
import { EntityIndex } from '../workloads/EntityIndex';
import { buildTopology } from './buildTopology';

/*
 * Proxmox VE guests and NetBox devices on the topology: their health comes
 * from the live facts and drift the catalog module merged into them.
 */

const guest = (
  name: string,
  live: object | undefined,
  extra: { annotations?: Record<string, string>; drift?: string[] } = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    ...(extra.annotations ? { annotations: extra.annotations } : {}),
  },
  spec: {
    type: 'virtual-machine',
    owner: 'admins',
    homelab: {
      kind: 'virtual-machine',
      hostedOn: 'resource:default/pve',
      ...(live ? { live } : {}),
      ...(extra.drift ? { drift: extra.drift } : {}),
    },
  },
});

const live = (status: string, stale = false) => ({
  source: 'pve',
  observedAt: '2026-11-22T05:00:00Z',
  stale,
  vmid: 100,
  node: 'pve',
  type: 'qemu',
  status,
});

async function nodesOf(resources: Entity[]) {
  const graph = await buildTopology(
    {
      resources,
      index: new EntityIndex([]),
      clusterEnvironments: new Map(),
      environmentOrder: [],
    },
    [],
    [],
    new Date('2026-11-22T06:00:00Z'),
  );
  return Object.fromEntries(
    graph.nodes
      .filter(n => n.id.startsWith('resource:'))
      .map(n => [n.label, { status: n.status, reason: n.reason }]),
  );
}

describe('guests on the topology', () => {
  it('takes their health from Proxmox VE: running is ok, stopped is an error, stale is unknown, and drift or not being in the inventory is a warning', async () => {
    expect(
      await nodesOf([
        guest('docker', live('running')),
        guest('backup', live('stopped')),
        guest('old', live('running', true)),
        guest('home-assistant', live('running'), {
          annotations: {
            'homelab.dev/not-in-inventory':
              'Proxmox VE pve runs lxc/101; the inventory does not list it',
          },
        }),
        guest('media', live('running'), {
          drift: [
            'qemu/103 media in Proxmox VE pve: 4 vCPUs, the inventory says 2',
          ],
        }),
        guest('planned', undefined),
      ]),
    ).toEqual({
      docker: { status: 'ok', reason: undefined },
      backup: { status: 'error', reason: 'Proxmox VE pve reports it stopped' },
      old: {
        status: 'unknown',
        reason:
          'Proxmox VE pve could not be read; facts from 2026-11-22T05:00:00Z',
      },
      'home-assistant': {
        status: 'warning',
        reason: 'Proxmox VE pve runs lxc/101; the inventory does not list it',
      },
      media: {
        status: 'warning',
        reason:
          'qemu/103 media in Proxmox VE pve: 4 vCPUs, the inventory says 2',
      },
      planned: { status: undefined, reason: undefined },
    });
  });

  it('takes a Proxmox VE host’s health from its node’s status: online is ok, offline an error, unknown unknown', async () => {
    const host = (name: string, status: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name },
      spec: {
        type: 'device',
        owner: 'admins',
        homelab: {
          kind: 'server',
          live: {
            source: 'pve',
            observedAt: '2026-11-22T05:00:00Z',
            stale: false,
            node: name,
            status,
            storage: [],
          },
        },
      },
    });
    expect(
      await nodesOf([
        host('pve', 'online'),
        host('pve2', 'offline'),
        host('pve3', 'unknown'),
      ]),
    ).toEqual({
      pve: { status: 'ok', reason: undefined },
      pve2: { status: 'error', reason: 'Proxmox VE pve reports it offline' },
      pve3: {
        status: 'unknown',
        reason: 'Proxmox VE pve does not know its state',
      },
    });
  });
});
