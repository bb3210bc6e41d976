import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { runInventoryCli } from './runInventoryCli';

const mockDir = createMockDirectory();

/**
 * Runs the command in the mock directory. With `typed`, standard input is a
 * stream marked as a terminal that delivers those lines, as a person would
 * type them; without it, standard input is not a terminal (a pipe or CI).
 */
async function init(args: string[], typed?: string[]) {
  let stdout = '';
  let stderr = '';
  let stdin: PassThrough & { isTTY?: boolean } = new PassThrough();
  if (typed) {
    stdin = Object.assign(new PassThrough(), { isTTY: true });
    stdin.end(typed.map(line => `${line}\n`).join(''));
  }
  const code = await runInventoryCli(['init', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: () => mockDir.path,
    stdin,
  });
  return { code, stdout, stderr };
}

const written = (name: string) =>
  fs.readFileSync(mockDir.resolve(name), 'utf8');

const problemsOf = (text: string) =>
  validateInventoryFiles([{ name: 'inventory.yaml', content: text }]).problems;

describe('homelab-inventory init', () => {
  beforeEach(() => mockDir.clear());

  it('writes a starter inventory from options alone, which the validator passes', async () => {
    const result = await init([
      '--site',
      'home-lab',
      '--title',
      'Home: the lab',
      '--timezone',
      'Europe/Stockholm',
      '--cidr',
      '192.168.1.0/24',
      '--gateway',
      '192.168.1.1',
      '--vlan',
      '10',
    ]);
    expect(result).toEqual({
      code: 0,
      stdout:
        'inventory.yaml: a starter inventory for "home-lab"; add your devices, then run homelab-inventory validate inventory.yaml\n',
      stderr: '',
    });
    const text = written('inventory.yaml');
    expect(problemsOf(text)).toEqual([]);
    expect(text).toContain(
      [
        'site:',
        '  name: home-lab',
        '  title: "Home: the lab"',
        '  owner: group:default/homelab-admins',
        '  timezone: Europe/Stockholm',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        'networks:',
        '  - name: lan',
        '    vlan: 10',
        '    cidr: 192.168.1.0/24',
        '    gateway: 192.168.1.1',
      ].join('\n'),
    );
  });

  it('asks on a terminal for what the options leave out, again after an answer it refuses', async () => {
    const result = await init(
      ['--out', 'lab.yaml', '--owner', 'group:default/ops'],
      [
        'My Lab', // refused: not a name
        'my-lab',
        '', // no title
        'Mars/Olympus', // refused: not a time zone
        'UTC',
        'servers',
        '10.0.20.0/24',
        '10.0.20.1',
        '5000', // refused: not a VLAN id
        '20',
      ],
    );
    expect(result.code).toBe(0);
    for (const refusal of [
      '  My Lab must be lower-case letters, digits and single -, _ or . between them (like "rk1-node-1"), to be usable as a catalog entity name; try again.\n',
      '  Mars/Olympus is not an IANA time zone name such as "Europe/Stockholm"; try again.\n',
      '  5000 must be a VLAN id from 1 to 4094; try again.\n',
    ])
      expect(result.stderr).toContain(refusal);
    // The owner came with the options, so it is never asked.
    expect(result.stderr).not.toContain('Catalog owner');
    const text = written('lab.yaml');
    expect(problemsOf(text)).toEqual([]);
    expect(text).toContain(
      'site:\n  name: my-lab\n  owner: group:default/ops\n  timezone: UTC\n',
    );
    expect(text).toContain(
      'networks:\n  - name: servers\n    vlan: 20\n    cidr: 10.0.20.0/24\n    gateway: 10.0.20.1\n',
    );
  });

  it('takes the defaults for empty answers, and writes "unknown" for a CIDR not known', async () => {
    const result = await init(
      ['--out', '-'],
      ['lab', '', '', '', '', '', '', ''],
    );
    expect(result.code).toBe(0);
    expect(problemsOf(result.stdout)).toEqual([]);
    expect(result.stdout).toContain(
      'site:\n  name: lab\n  owner: group:default/homelab-admins\n',
    );
    expect(result.stdout).toContain(
      '  - name: lan\n    cidr: unknown   # addresses on it are not checked until you give its CIDR\n',
    );
  });

  it('has commented examples that the validator passes once uncommented', async () => {
    await init(['--site', 'lab', '--cidr', '192.168.1.0/24']);
    const uncommented = written('inventory.yaml')
      .split('\n')
      .map(line =>
        line.replace(/^# (?=devices:|environments:|clusters:| {2})/, ''),
      )
      .join('\n');
    expect(uncommented).toContain('\ndevices:\n  - name: router\n');
    expect(uncommented).toContain('\nclusters:\n  - name: production\n');
    expect(problemsOf(uncommented)).toEqual([]);
  });

  it('without a terminal, needs --site and asks nothing', async () => {
    const result = await init([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^--site is needed when not asking on a terminal\n/,
    );
    expect(fs.existsSync(mockDir.resolve('inventory.yaml'))).toBe(false);
  });

  it('refuses an option the format would refuse, naming it', async () => {
    const result = await init(['--site', 'lab', '--cidr', '10.0.0.0/33']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^--cidr 10\.0\.0\.0\/33: must be a CIDR block such as 192\.168\.100\.0\/24\n/,
    );
  });

  it('writes nothing when the answers together fail the validator', async () => {
    const result = await init([
      '--site',
      'lab',
      '--cidr',
      '10.0.0.0/24',
      '--gateway',
      '10.1.0.1',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^inventory\.yaml:\d+:\d+: error: networks\[0\]\.gateway: the gateway 10\.1\.0\.1 is not inside 10\.0\.0\.0\/24 \[address-outside-network\]/,
    );
    expect(fs.existsSync(mockDir.resolve('inventory.yaml'))).toBe(false);
  });

  it('never replaces an existing file unless told to', async () => {
    mockDir.addContent({ 'inventory.yaml': 'mine\n' });
    const refused = await init(['--site', 'lab']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'inventory.yaml already exists; choose another --out, or --force to replace it\n',
    );
    expect(written('inventory.yaml')).toBe('mine\n');
    expect((await init(['--site', 'lab', '--force'])).code).toBe(0);
    expect(written('inventory.yaml')).toContain('  name: lab\n');
  });
});
