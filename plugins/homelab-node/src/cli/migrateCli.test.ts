import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { runInventoryCli } from './runInventoryCli';

const legacy = `# the lab's hardware, kept by hand
apiVersion: homelab.dev/v1alpha1
kind: Inventory
site: { name: lab, owner: group:admins }
environments:
  - name: production
networks:
  - { name: lan, cidr: 10.0.0.0/24 }
devices:
  - { name: host, kind: server, cpu: { cores: 8 } }
  - name: vm-1 # the Docker VM
    kind: virtual-machine
    host: host
    cpu: { cores: 4 }
`;

describe('homelab-inventory migrate', () => {
  const mockDir = createMockDirectory();

  async function run(...argv: string[]) {
    let stdout = '';
    const code = await runInventoryCli(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => undefined },
      cwd: () => mockDir.path,
    });
    return { code, stdout };
  }

  beforeEach(() => {
    mockDir.setContent({
      'inventory/lab.yaml': legacy,
      'inventory/site-only.yaml':
        'apiVersion: homelab.dev/v1alpha1\nkind: Inventory\n# v1alpha1 files are still read\n',
    });
  });

  it('shows what it would change and what is left to decide, and changes nothing', async () => {
    expect(await run('migrate', 'inventory')).toEqual({
      code: 0,
      stdout: [
        'inventory/lab.yaml: apiVersion: set to homelab.dev/v1alpha2 (the current version of the format)',
        'inventory/lab.yaml: devices[1].vcpus: set to 4 (the cores of a virtual machine are its vCPUs)',
        'inventory/lab.yaml: devices[1].cpu: removed (a virtual machine states vcpus, not physical cores)',
        'inventory/lab.yaml: note: networks[0]: v1alpha1 read a missing "internet" as full access; v1alpha2 reads it as not stated. Add internet: full where that is true',
        'inventory/lab.yaml: note: the file was written again by the YAML library: its comments stay, but long lines and flow lists may be laid out anew; check the diff',
        'inventory/site-only.yaml: apiVersion: set to homelab.dev/v1alpha2 (the current version of the format)',
        'inventory: 2 files to migrate (run with --write to change them)',
        '',
      ].join('\n'),
    });
    expect(
      fs.readFileSync(path.join(mockDir.path, 'inventory/lab.yaml'), 'utf8'),
    ).toBe(legacy);
  });

  it('with --write, writes v1alpha2 keeping comments, and the result validates as before', async () => {
    const before = await run('validate', 'inventory');
    expect((await run('migrate', '--write', 'inventory')).stdout).toContain(
      'inventory: 2 files migrated\n',
    );
    const lab = fs.readFileSync(
      path.join(mockDir.path, 'inventory/lab.yaml'),
      'utf8',
    );
    expect(lab).toContain("# the lab's hardware, kept by hand\n");
    expect(lab).toContain('vm-1 # the Docker VM');
    expect(lab).toContain('apiVersion: homelab.dev/v1alpha2\n');
    expect(lab).toContain('    vcpus: 4\n');
    expect(lab).not.toContain('cores: 4');
    // A file whose only change is its version keeps every other byte.
    expect(
      fs.readFileSync(
        path.join(mockDir.path, 'inventory/site-only.yaml'),
        'utf8',
      ),
    ).toBe(
      'apiVersion: homelab.dev/v1alpha2\nkind: Inventory\n# v1alpha1 files are still read\n',
    );
    expect(await run('validate', 'inventory')).toEqual(before);
    expect((await run('migrate', 'inventory')).stdout).toBe(
      'inventory: 0 files to migrate (run with --write to change them)\n',
    );
  });
});
