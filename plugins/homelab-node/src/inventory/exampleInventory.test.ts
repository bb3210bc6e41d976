import path from 'node:path';
import { formatProblem } from './problems';
import { readInventoryFromPath } from './readInventory';
import { validateInventoryFiles } from './validateInventory';

const exampleDir = path.resolve(__dirname, '../../../../examples/homelab');

describe('the example homelab in examples/homelab', () => {
  it('validates without errors or warnings', async () => {
    const result = validateInventoryFiles(
      await readInventoryFromPath(exampleDir),
    );
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.inventory).toBeDefined();
  });

  it('holds the estate of the reference documents', async () => {
    const { inventory } = validateInventoryFiles(
      await readInventoryFromPath(exampleDir),
    );
    expect(inventory!.networks.map(n => [n.vlan, n.title, n.cidr])).toEqual([
      [10, 'Default', '192.168.10.0/24'],
      [100, 'ServerLAN', '192.168.100.0/24'],
      [30, 'MainLAN', '192.168.30.0/24'],
      [15, 'IoT', '192.168.15.0/24'],
      [20, 'NoT', '192.168.20.0/24'],
      [undefined, 'Direct 4G', 'unknown'],
    ]);
    const rk1 = inventory!.devices.filter(d => d.model === 'RK1');
    expect(
      rk1.map(d => [
        d.name,
        d.slot?.number,
        d.memoryGB,
        d.accelerators?.[0].tops,
      ]),
    ).toEqual([
      ['rk1-1', 1, 32, 6],
      ['rk1-2', 2, 32, 6],
      ['rk1-3', 3, 32, 6],
    ]);
    const production = inventory!.clusters.find(c => c.name === 'production')!;
    expect(production.platformServices!.map(s => s.name)).toEqual([
      'flux',
      'metallb',
      'traefik',
      'cert-manager',
      'longhorn',
      'prometheus',
      'grafana',
      'loki',
      'alertmanager',
      'trivy-operator',
      'polaris',
    ]);
    expect(
      production.platformServices!.find(s => s.name === 'loki')!.status,
    ).toBe('planned');
    // The staging cluster shares the list through a YAML anchor.
    const staging = inventory!.clusters.find(c => c.name === 'staging')!;
    expect(staging.platformServices).toEqual(production.platformServices);
    expect(inventory!.clusters.map(c => c.containerRuntime)).toEqual([
      'containerd',
      'containerd',
    ]);
  });

  it('holds the recovery objective, backups and outside services the references name', async () => {
    const { inventory } = validateInventoryFiles(
      await readInventoryFromPath(exampleDir),
    );
    expect(
      inventory!.recoveryObjectives.map(o => [o.name, o.rpo, o.rto]),
    ).toEqual([['critical-systems', '5m', '15m']]);
    expect(
      inventory!.backups.map(b => [b.name, b.kind, b.schedule ?? null]),
    ).toEqual([
      ['zfs-snapshots', 'snapshot', 'continuous'],
      ['time-machine', 'backup', null],
      ['velero', 'backup', null],
      ['minio-cloud-replication', 'replication', null],
    ]);
    expect(inventory!.externalServices.map(s => [s.name, s.category])).toEqual([
      ['cloudflare-dns', 'dns'],
      ['github', 'source-control'],
      ['renovate', 'dependency-updates'],
      ['discord', 'notification'],
      ['slack', 'notification'],
      ['email', 'email'],
    ]);
  });
});
