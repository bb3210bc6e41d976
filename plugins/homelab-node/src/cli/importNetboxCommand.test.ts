import path from 'node:path';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { runInventoryCli } from './runInventoryCli';

const packageDir = path.resolve(__dirname, '../..');

async function run(env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runInventoryCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: () => packageDir,
    env,
  });
  return { code, stdout, stderr };
}

describe('homelab-inventory import netbox', () => {
  it('prints a commented starter inventory from recorded NetBox 4.2 answers that validates as it is', async () => {
    const result = await run(
      {},
      'import',
      'netbox',
      '--recorded',
      'test-fixtures/netbox/netbox-4.2',
      '--site',
      'Home Lab',
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const validation = validateInventoryFiles([
      { name: 'starter.yaml', content: result.stdout },
    ]);
    expect(validation.problems).toEqual([]);
    expect(validation.inventory?.site.name).toBe('home-lab');
    expect(validation.inventory?.devices.map(d => d.name)).toEqual([
      'udm-pro',
      'usw-24-poe',
      'pve1',
      'nas',
    ]);
    expect(result.stdout).toContain(
      '  # from https://netbox.home.arpa/dcim/devices/3/ (site Home, rack Rack 1 U30). Add cpu, memoryGB, disks and power.\n  - name: pve1\n',
    );
    expect(result.stdout).toContain(
      '# Left out:\n#   https://netbox.home.arpa/dcim/devices/4/: 192.168.1.50/24 on eth1 is in no prefix NetBox holds as a network',
    );
  });

  it('refuses a live NetBox without NETBOX_TOKEN in the environment, never taking the token as an argument', async () => {
    const result = await run(
      {},
      'import',
      'netbox',
      '--url',
      'https://netbox.home.arpa',
    );

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'homelab-inventory import netbox needs --url and NETBOX_TOKEN in the environment, or --recorded <folder>\n',
    });
  });
});
