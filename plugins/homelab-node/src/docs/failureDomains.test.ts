import path from 'node:path';
import { readInventoryFromPath } from '../inventory/readInventory';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { markdownTables } from './__testUtils__/markdownTables';
import { generateInventoryDocs } from './generateInventoryDocs';

/*
 * The failure-domains page of the example homelab (examples/homelab) and of
 * the architecture documents reproduced in test-fixtures/architectures:
 * what goes down with each machine, from the relations they state.
 */

async function failureDomains(location: string) {
  const validation = validateInventoryFiles(
    await readInventoryFromPath(location),
  );
  expect(validation.problems).toEqual([]);
  const page = generateInventoryDocs(validation.inventory!).find(
    file => file.path === 'docs/failure-domains.md',
  )!.content;
  const rows = (heading: string) =>
    markdownTables(page).find(t => t.heading === heading)?.rows ?? [];
  return { page, rows };
}

const architecture = (name: string) =>
  path.resolve(__dirname, `../../test-fixtures/architectures/${name}.yaml`);

describe('the failure domains page', () => {
  it("names the example homelab's single points of failure: the board, the control plane's module, the staging Pi, the router and the switch", async () => {
    const { rows } = await failureDomains(
      path.resolve(__dirname, '../../../../examples/homelab'),
    );
    expect(rows('## Single points of failure')).toEqual([
      ['Turing Pi 2', 'production: loses all 3 nodes'],
      [
        'RK1 module 1',
        'production: loses 1 of 3 nodes, loses its control plane, loses etcd quorum (1 of 1 members)',
      ],
      ['Raspberry Pi 4B', 'staging: loses its only node'],
      [
        'UDM Pro',
        'production: loses all 3 nodes; staging: loses its only node',
      ],
      [
        'UniFi Enterprise 24-port switch',
        'production: loses all 3 nodes; staging: loses its only node',
      ],
    ]);
    const machines = rows('## Machines');
    expect(machines.find(r => r[0] === 'Turing Pi 2')).toEqual([
      'Turing Pi 2',
      'RK1 module 1, RK1 module 2, RK1 module 3',
      '—',
      'production: loses all 3 nodes',
      'longhorn-fast, longhorn-standard, longhorn-backup',
    ]);
    // A worker takes only its node; one-replica volumes may go with it.
    expect(machines.find(r => r[0] === 'RK1 module 2')).toEqual([
      'RK1 module 2',
      '—',
      '—',
      'production: loses 1 of 3 nodes',
      'longhorn-backup',
    ]);
    expect(rows('## Storage')).toEqual([
      ['QNAP ZFS pool', 'MinIO S3, MariaDB, NAS file shares'],
    ]);
  });

  it('finds that the Proxmox host of an HA control plane takes all three control-plane VMs with it', async () => {
    const { rows } = await failureDomains(architecture('proxmox-ha-k8s'));
    expect(rows('## Single points of failure')).toEqual([
      [
        'Proxmox host',
        'k8s: loses 13 of 15 nodes, loses its control plane, loses etcd quorum (3 of 3 members)',
      ],
    ]);
    // One control-plane VM alone keeps the quorum.
    expect(rows('## Machines').find(r => r[0] === 'cp-1')?.[3]).toBe(
      'k8s: loses 1 of 15 nodes, keeps 2 of 3 control-plane nodes',
    );
  });

  it('gives a single k3s server no etcd verdict: its state is in SQLite', async () => {
    const { rows } = await failureDomains(architecture('k3s-argocd'));
    expect(rows('## Single points of failure')).toEqual([
      ['node-1', 'k3s: loses 1 of 3 nodes, loses its control plane'],
    ]);
    expect(rows('## Machines').flat().join(' ')).not.toMatch(/etcd/);
  });
});
