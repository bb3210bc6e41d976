import path from 'node:path';
import { readInventoryFromPath } from '../inventory/readInventory';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { markdownTables } from './__testUtils__/markdownTables';
import { generateInventoryDocs } from './generateInventoryDocs';

const architectures = path.resolve(
  __dirname,
  '../../test-fixtures/architectures',
);

/** The generated pages of one of the architecture fixtures, which must validate without a problem. */
async function pagesOf(name: string): Promise<Record<string, string>> {
  const validation = validateInventoryFiles(
    await readInventoryFromPath(path.join(architectures, `${name}.yaml`)),
  );
  expect(validation.problems).toEqual([]);
  return Object.fromEntries(
    generateInventoryDocs(validation.inventory!).map(f => [f.path, f.content]),
  );
}

const rowsOf = (page: string, heading: string) =>
  markdownTables(page).find(t => t.heading === heading)?.rows;

const everything = (pages: Record<string, string>) =>
  Object.values(pages).join('\n');

describe('the docs state only what the inventory does', () => {
  it('draws Argo CD from the repository the inventory names, and no Flux', async () => {
    const pages = await pagesOf('k3s-argocd');
    expect(rowsOf(pages['docs/environments.md'], '## GitOps')).toEqual([
      [
        'K3s cluster',
        'Argo CD',
        'https://github.com/example/k3s-lab',
        'main',
        'apps',
      ],
    ]);
    expect(pages['docs/environments.md']).toContain(
      '  gitops_k3s["Argo CD in K3s cluster<br/>reconciles apps from main"]',
    );
    expect(everything(pages)).not.toMatch(/Flux|apps\/base|Pull request/);
    const facts = rowsOf(pages['docs/clusters.md'], '## K3s cluster');
    expect(facts).toEqual(
      expect.arrayContaining([
        ['Container runtime', 'containerd'],
        ['GitOps', 'Argo CD, https://github.com/example/k3s-lab (apps)'],
      ]),
    );
    expect(
      rowsOf(pages['docs/clusters.md'], '### Nodes')?.map(r => r[4]),
    ).toEqual(['10.42.0.0/24', '10.42.1.0/24', '10.42.2.0/24']);
    const services = rowsOf(
      pages['docs/clusters.md'],
      '### Platform services',
    )!;
    expect(services.find(r => r[0] === 'traefik')?.[4]).toBe(
      '192.168.20.50:80, 443 (load-balancer)',
    );
    expect(services.find(r => r[0] === 'home-assistant')?.[4]).toBe(
      'port 8123 (NodePort 30123) (node-port)',
    );
    expect(rowsOf(pages['docs/storage.md'], '## Backups')).toEqual([
      [
        'velero-daily',
        'backup',
        'velero',
        'K3s cluster',
        'MinIO',
        '`0 3 * * *`',
        '720h',
        '—',
      ],
      [
        'velero-offsite',
        'backup',
        'velero',
        'K3s cluster (namespaces databases, home)',
        'Backblaze B2',
        '`@weekly`',
        '8 weekly',
        '—',
      ],
      [
        'postgres-wal',
        'replication',
        'wal-g',
        'PostgreSQL',
        'MinIO',
        '`continuous`',
        '—',
        '—',
      ],
    ]);
    expect(rowsOf(pages['docs/storage.md'], '## Recovery objectives')).toEqual([
      ['databases', '15m', '1h', 'PostgreSQL', '—'],
      ['cluster', '24h', '4h', 'K3s cluster', '—'],
    ]);
    expect(
      rowsOf(pages['docs/index.md'], '## External services')?.map(r => r[0]),
    ).toEqual(["Let's Encrypt", 'Cloudflare DNS', 'Backblaze B2']);
    // In-cluster services are not storage classes.
    expect(
      rowsOf(pages['docs/storage.md'], '## Storage classes of K3s cluster'),
    ).toEqual([['`local-path` (default)', '—', '—', '—']]);
  });

  it('draws no GitOps flow for a cluster applied by hand, and says internet access is not stated', async () => {
    const pages = await pagesOf('proxmox-three-vms');
    const environments = pages['docs/environments.md'];
    expect(rowsOf(environments, '## GitOps')).toEqual([
      ['k3s', 'none', '—', '—', '—'],
    ]);
    expect(environments).not.toContain('```mermaid\nflowchart LR\n  repo');
    expect(everything(pages)).not.toMatch(/Flux|Argo|apps\/base/);
    expect(rowsOf(pages['docs/network.md'], '## VLANs')?.[0][7]).toBe(
      'not stated',
    );
    const hardware = pages['docs/hardware.md'];
    expect(rowsOf(hardware, '## Totals')).toEqual([
      ['k3s nodes', '3', '—', '6', '20GB', '—', '—'],
      [
        'All active machines (3 virtual machines left out: they run on these)',
        '2',
        '6 (1 device not stated)',
        '—',
        '32GB (1 device not stated)',
        '—',
        '—',
      ],
    ]);
    expect(rowsOf(hardware, '### Mini PCs')?.[0].at(-1)).toBe(
      'VMs: k3s-server, k3s-agent-1, k3s-agent-2',
    );
    // A cluster of several machines is headed by its own name only.
    expect(hardware).toContain('\n### k3s\n');
  });

  it('says "not stated" for unknown facts and shows what is planned or optional', async () => {
    const pages = await pagesOf('proxmox-ha-k8s');
    const facts = rowsOf(pages['docs/clusters.md'], '## Lab cluster')!;
    expect(facts).toEqual(
      expect.arrayContaining([
        ['Distribution', 'not stated'],
        ['GitOps', 'not stated'],
      ]),
    );
    expect(pages['docs/environments.md']).not.toContain(
      '```mermaid\nflowchart LR\n  repo',
    );
    expect(
      rowsOf(pages['docs/network.md'], '## Internet uplinks')?.[0][1],
    ).toBe('not stated');
    const services = rowsOf(
      pages['docs/clusters.md'],
      '### Platform services',
    )!;
    expect(services.map(r => [r[0], r[1]])).toEqual([
      ['kube-vip', 'active'],
      ['metallb', 'active'],
      ['ingress-nginx', 'active'],
      ['longhorn', 'planned'],
      ['velero', 'optional'],
    ]);
    expect(rowsOf(pages['docs/hardware.md'], '## Totals')?.[0]).toEqual([
      'Lab cluster nodes',
      '15',
      '8',
      '52–92',
      '120–200GB',
      '—',
      '—',
    ]);
    expect(everything(pages)).not.toMatch(/Flux|Argo|unknown/);
  });
});
