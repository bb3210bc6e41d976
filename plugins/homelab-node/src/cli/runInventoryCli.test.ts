import { createMockDirectory } from '@backstage/backend-test-utils';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runInventoryCli } from './runInventoryCli';

const packageDir = path.resolve(__dirname, '../..');
const repoRoot = path.resolve(packageDir, '../..');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runInventoryCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: () => repoRoot,
  });
  return { code, stdout, stderr };
}

describe('homelab-inventory', () => {
  it('passes the example homelab with exit status 0', async () => {
    expect(await run('validate', 'examples/homelab')).toEqual({
      code: 0,
      stdout: 'examples/homelab: valid: 0 errors, 0 warnings in 6 files\n',
      stderr: '',
    });
  });

  it('prints each problem with file, line, path and reason, and exits 1', async () => {
    const result = await run(
      'validate',
      'plugins/homelab-node/test-corpus/invalid/098-pool-overlaps-dhcp.yaml',
    );
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'plugins/homelab-node/test-corpus/invalid/098-pool-overlaps-dhcp.yaml:81:13: error: clusters[0].loadBalancerPools[0].addresses[0]: the load-balancer pool "prod-pool" of cluster "prod" (10.0.20.210-10.0.20.229) overlaps the DHCP range 10.0.20.200-10.0.20.250 in network "servers"; an address must belong to one of them only [pool-overlaps-dhcp] (see inventory-reference.md#clusters)',
      'plugins/homelab-node/test-corpus/invalid/098-pool-overlaps-dhcp.yaml: invalid: 1 error, 0 warnings in 1 file',
      '',
    ]);
  });

  it('writes JSON for machines', async () => {
    const result = await run(
      'validate',
      '--format',
      'json',
      'plugins/homelab-node/test-corpus/invalid/106-address-duplicate.yaml',
    );
    const [report] = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      valid: false,
      errorCount: 1,
      warningCount: 0,
      problems: [
        {
          rule: 'duplicate-address',
          path: 'devices[5].interfaces[0].address',
          severity: 'error',
        },
      ],
    });
  });

  it('fails on warnings only with --strict', async () => {
    const minimal = fs.readFileSync(
      path.join(packageDir, 'test-corpus/valid/minimal.yaml'),
      'utf8',
    );
    const mockDir = createMockDirectory();
    // Three replicas on a two-node cluster: a warning, not an error.
    mockDir.setContent({
      'lab.yaml': minimal.replace('    replicas: 2\n', '    replicas: 3\n'),
    });
    const target = mockDir.resolve('lab.yaml');
    const lenient = await run('validate', target);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('warning: storage[0].replicas');
    expect((await run('validate', '--strict', target)).code).toBe(1);
  });

  it('exits 2 for usage errors and unreadable paths', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('validate')).code).toBe(2);
    expect(
      (await run('validate', '--format', 'xml', 'examples/homelab')).code,
    ).toBe(2);
    const missing = await run('validate', 'no/such/inventory');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/inventory: inventory path');
  });

  describe('docs', () => {
    const mockDir = createMockDirectory();

    it('generates the docs site, and a second run writes nothing', async () => {
      const out = path.relative(repoRoot, mockDir.resolve('site'));
      expect(await run('docs', '--out', out, 'examples/homelab')).toEqual({
        code: 0,
        stdout: `${out}: 9 files written, 0 unchanged\n`,
        stderr: '',
      });
      expect(
        fs.readFileSync(mockDir.resolve('site/docs/network.md'), 'utf8'),
      ).toContain('| 10 | Default | 192.168.10.0/24 |');
      expect(await run('docs', '--out', out, 'examples/homelab')).toEqual({
        code: 0,
        stdout: `${out}: 0 files written, 9 unchanged\n`,
        stderr: '',
      });
      expect(
        await run('docs', '--check', '--out', out, 'examples/homelab'),
      ).toMatchObject({ code: 0, stdout: `${out}: docs are current\n` });
    });

    it('--check fails on stale docs and writes nothing', async () => {
      mockDir.setContent({ stale: {} });
      const out = path.relative(repoRoot, mockDir.resolve('stale'));
      await run('docs', '--out', out, 'examples/homelab');
      const page = mockDir.resolve('stale/docs/hardware.md');
      fs.writeFileSync(page, `${fs.readFileSync(page, 'utf8')}edited\n`);
      const result = await run(
        'docs',
        '--check',
        '--out',
        out,
        'examples/homelab',
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('docs are not current');
      expect(result.stdout).toContain('Stale: docs/hardware.md');
      expect(fs.readFileSync(page, 'utf8')).toMatch(/edited\n$/);
    });

    it('never replaces a hand-written file, and then writes nothing at all', async () => {
      mockDir.setContent({
        handwritten: { 'mkdocs.yml': 'site_name: My lab\n' },
      });
      const out = path.relative(repoRoot, mockDir.resolve('handwritten'));
      const result = await run('docs', '--out', out, 'examples/homelab');
      expect(result).toMatchObject({
        code: 1,
        stdout: `${out}: not generated by homelab-inventory, so not replaced (nothing was written): mkdocs.yml\n`,
      });
      expect(fs.existsSync(mockDir.resolve('handwritten/docs'))).toBe(false);
    });

    it("fails on an invalid inventory with the validator's problems, generating nothing", async () => {
      const out = path.relative(repoRoot, mockDir.resolve('invalid'));
      const result = await run(
        'docs',
        '--out',
        out,
        'plugins/homelab-node/test-corpus/invalid/098-pool-overlaps-dhcp.yaml',
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        'overlaps the DHCP range 10.0.20.200-10.0.20.250 in network "servers"; an address must belong to one of them only [pool-overlaps-dhcp]',
      );
      expect(result.stdout).toContain('invalid: 1 error; no docs generated');
      expect(fs.existsSync(mockDir.resolve('invalid'))).toBe(false);
    });
  });

  it('prints the JSON Schema of inventory files', async () => {
    const result = await run('schema');
    expect(JSON.parse(result.stdout).title).toBe(
      'Homelab inventory file (homelab.dev/v1alpha2)',
    );
  });

  it('runs as the installed bin script with the documented exit status', () => {
    const bin = path.join(packageDir, 'bin/homelab-inventory');
    const invalid = spawnSync(
      process.execPath,
      [
        bin,
        'validate',
        'plugins/homelab-node/test-corpus/invalid/129-no-control-plane.yaml',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(invalid.stdout).toContain('[control-plane-missing]');
    expect(invalid.status).toBe(1);
    const valid = spawnSync(
      process.execPath,
      [bin, 'validate', 'examples/homelab'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(valid.status).toBe(0);
  }, 60_000);
});
