import path from 'node:path';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { runInventoryCli } from '../cli/runInventoryCli';

// The answer of a real Proxmox VE server (test-fixtures/proxmox/README.md).
const RECORDED = path.resolve(
  __dirname,
  '../../test-fixtures/proxmox/cluster-resources.json',
);

async function importProxmox(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runInventoryCli(['import', 'proxmox', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: () => process.cwd(),
    env: {},
  });
  return { code, stdout, stderr };
}

describe('homelab-inventory import proxmox', () => {
  it('writes a commented starter inventory that validates as it is', async () => {
    const { code, stdout } = await importProxmox([
      '--recorded',
      RECORDED,
      '--site',
      'Home Lab',
    ]);

    expect(code).toBe(0);
    const validation = validateInventoryFiles([
      { name: 'inventory.yaml', content: stdout },
    ]);
    expect(validation.problems.filter(p => p.severity === 'error')).toEqual([]);
    expect(validation.inventory?.devices.map(d => d.name)).toEqual([
      'pve',
      'jellyfin',
      'ubuntu',
      'win',
    ]);
    expect(stdout).toContain(`  - name: ubuntu
    kind: virtual-machine
    host: pve
    vmid: 101
    vcpus: 8
    memoryGB: 6`);
    expect(stdout).toContain(
      '  # QEMU VM 101 "ubuntu", stopped, 128 GiB of disk. Add its architecture and interfaces.',
    );
    expect(stdout).toContain(
      '  # Proxmox VE node pve: 12 CPU threads, 27.3 GiB of memory. Add vendor, model, cpu (cores, threads), memoryGB, disks and interfaces.',
    );
    // Storage: each node's directories; the shared CIFS share left for the
    // owner to say which device serves it.
    expect(
      validation.inventory?.storage?.map(
        s => `${s.name} ${s.kind} ${s.device}`,
      ),
    ).toEqual(['hard-pve directory pve', 'local-pve directory pve']);
    expect(stdout).toContain(
      '  # - { name: dsm, kind: smb, device: <the device that serves it> }',
    );
    expect(stdout).toMatch(/^site:\n {2}name: home-lab\n/m);
  });

  it('takes the token secret only from the environment, and one source only', async () => {
    const usage =
      'homelab-inventory import proxmox needs --url, --token-id and PROXMOX_TOKEN_SECRET in the environment, or --recorded <file>\n';
    const live = [
      '--url',
      'https://192.168.100.5:8006',
      '--token-id',
      'backstage@pve!catalog',
    ];
    expect(await importProxmox(live)).toEqual({
      code: 2,
      stdout: '',
      stderr: usage,
    });
    expect(await importProxmox([...live, '--recorded', RECORDED])).toEqual({
      code: 2,
      stdout: '',
      stderr: usage,
    });
  });
});
