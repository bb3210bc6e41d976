import fs from 'node:fs';
import path from 'node:path';
import { InventoryInputFile } from './parseInventory';
import { InventoryProblem, formatProblem } from './problems';
import { validateInventoryFiles } from './validateInventory';

const minimal = fs.readFileSync(
  path.resolve(__dirname, '../../test-corpus/valid/minimal.yaml'),
  'utf8',
);

function validate(text: string, name = 'inventory.yaml') {
  return validateInventoryFiles([{ name, content: text }]);
}

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from))
    throw new Error(`test edit target missing: ${from}`);
  return text.replace(from, to);
}

const onlyRule = (problems: InventoryProblem[], rule: string) =>
  problems.filter(problem => problem.rule === rule);

describe('validateInventoryFiles', () => {
  it('accepts the minimal inventory without problems', () => {
    const result = validate(minimal);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.inventory?.devices).toHaveLength(8);
  });

  it('points at the exact line and column of the faulty value', () => {
    const text = edit(
      minimal,
      'address: 10.0.20.10 }',
      'address: 10.0.20.210 }',
    );
    const [problem] = validate(text).problems;
    const lineText = text.split('\n')[problem.line! - 1];
    expect(problem).toMatchObject({
      file: 'inventory.yaml',
      path: 'devices[5].interfaces[0].address',
      rule: 'address-in-dhcp-range',
    });
    expect(lineText.slice(problem.column! - 1)).toMatch(/^10\.0\.20\.210/);
    expect(formatProblem(problem)).toBe(
      `inventory.yaml:${problem.line}:${problem.column}: error: devices[5].interfaces[0].address: 10.0.20.210 is inside the DHCP range 10.0.20.200-10.0.20.250; DHCP could hand it to another device. Use an address outside the range, or shrink the range [address-in-dhcp-range] (see inventory-reference.md#devices)`,
    );
  });

  it('suggests the intended name for misspelt fields, values and references', () => {
    const text = edit(
      edit(
        edit(minimal, '    kind: sbc\n', '    kind: sbc\n    memroyGB: 8\n'),
        '    kind: switch\n',
        '    kind: swich\n',
      ),
      '{ network: servers, address: 10.0.20.5 }',
      '{ network: server, address: 10.0.20.5 }',
    );
    const messages = validate(text).problems.map(problem => problem.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'unknown field "memroyGB"; did you mean "memoryGB"?',
        ),
        expect.stringContaining('did you mean "switch"?'),
        expect.stringContaining(
          'unknown network "server"; did you mean "servers"?',
        ),
      ]),
    );
  });

  it('says a missing field is required, and where', () => {
    const [problem] = validate(
      edit(minimal, '    kind: switch\n', ''),
    ).problems;
    expect(problem.path).toBe('devices[1]');
    expect(problem.message).toMatch(
      /^"kind" is required: one of "board", "compute-module"/,
    );
  });

  it('numbers the documents of a file with several', () => {
    const text = `${minimal}---\napiVersion: homelab.dev/v1alpha1\nkind: Inventory\nstorage:\n  - name: tank\n    kind: zfs-pool\n    device: nas\n`;
    const [problem] = validate(text).problems;
    // Lines count from the top of the file, as editors show them.
    const line = text.split('\n').findIndex(l => l.includes('device: nas')) + 1;
    expect(problem).toMatchObject({
      document: 2,
      path: 'storage[0].device',
      line,
      rule: 'unknown-reference',
    });
    expect(formatProblem(problem)).toContain(
      `inventory.yaml:${line}:13 (document 2): error:`,
    );
  });

  it('keeps warnings apart from errors: the inventory stays usable', () => {
    let text = edit(
      minimal,
      '{ name: module-2, device: module-2, roles: [worker, storage] }',
      '{ name: module-2, device: module-2, roles: [control-plane, worker, storage] }',
    );
    text = edit(text, '    replicas: 2\n', '    replicas: 3\n');
    text = edit(
      text,
      '    kind: server\n',
      '    kind: server\n    management: { address: 172.16.0.5 }\n',
    );
    text = edit(
      text,
      '    kind: sbc\n',
      '    kind: sbc\n    status: retired\n',
    );
    text = edit(
      text,
      '    distribution: k3s\n',
      '    distribution: k3s\n    apiServer: { url: "https://10.0.20.10:6443", authProvider: serviceAccount }\n',
    );
    text = edit(
      text,
      '  - name: hypervisor\n    kind: server\n',
      '  - name: hypervisor\n    kind: server\n    slot: { board: board, number: 3 }\n',
    );
    const result = validate(text);
    expect(result.errorCount).toBe(0);
    expect(result.inventory).toBeDefined();
    expect(
      result.problems.map(p => `${p.severity} ${p.rule} @ ${p.path}`).sort(),
    ).toEqual([
      'warning address-unknown-network @ devices[6].management.address',
      'warning control-plane-even @ clusters[0].nodes',
      'warning kubernetes-auth-provider @ clusters[1].apiServer.authProvider',
      'warning node-on-inactive-device @ clusters[1].nodes[0].device',
      'warning replicas-exceed-nodes @ storage[0].replicas',
      'warning slot-on-non-module @ devices[6].slot',
    ]);
  });

  it('refuses files over the size limit without reading them', () => {
    const padding = `# ${'x'.repeat(1022)}\n`.repeat(11 * 1024);
    const result = validateInventoryFiles([
      { name: 'huge.yaml', content: minimal + padding },
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        rule: 'file-too-large',
        message: expect.stringMatching(
          /the file is 11\.0 MiB, larger than the 10\.0 MiB limit/,
        ),
      }),
    ]);
    expect(
      validateInventoryFiles([{ name: 'small.yaml', content: minimal }], {
        maxFileBytes: 100,
      }).problems[0].rule,
    ).toBe('file-too-large');
  });

  it('reports YAML nested too deeply to read instead of overflowing the stack', () => {
    const depth = 100_000;
    const text = `apiVersion: homelab.dev/v1alpha1\nkind: Inventory\ndevices: ${'['.repeat(
      depth,
    )}${']'.repeat(depth)}\n`;
    const result = validate(text);
    expect(result.problems.map(p => p.rule)).toContain('yaml-too-deep');
    expect(result.inventory).toBeUndefined();
  });

  it('finds the one bad address among 20,000 devices and names its line', () => {
    const devices = Array.from({ length: 20_000 }, (_, i) => {
      const address = `10.1.${Math.floor(i / 250)}.${(i % 250) + 2}`;
      return `  - name: node-${i}\n    kind: server\n    interfaces:\n      - { network: big, address: ${address} }\n`;
    });
    devices.push(
      '  - name: latecomer\n    kind: server\n    interfaces:\n      - { network: big, address: 10.1.40.2 }\n',
    );
    const header =
      'apiVersion: homelab.dev/v1alpha1\nkind: Inventory\nsite: { name: big-lab, owner: group:admins }\nnetworks:\n  - name: big\n    cidr: 10.1.0.0/16\ndevices:\n';
    const text = `${header}${devices.join('')}`;
    const result = validate(text);
    expect(result.problems).toEqual([
      expect.objectContaining({
        rule: 'duplicate-address',
        path: 'devices[20000].interfaces[0].address',
        line: 7 + 20_000 * 4 + 4,
        message: expect.stringContaining(
          'already assigned to device "node-10000"',
        ),
      }),
    ]);
  });

  it('attributes problems to the file of a folder they are in', () => {
    const files: InventoryInputFile[] = [
      { name: 'lab/base.yaml', content: minimal },
      {
        name: 'lab/extra/nas.yaml',
        content:
          'apiVersion: homelab.dev/v1alpha1\nkind: Inventory\ndevices:\n  - name: nas\n    kind: nas\n    interfaces:\n      - { network: servers, address: 10.0.20.11 }\n',
      },
    ];
    const result = validateInventoryFiles(files);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'lab/extra/nas.yaml',
        line: 7,
        rule: 'duplicate-address',
        message: expect.stringContaining('"module-1" (lab/base.yaml:'),
      }),
    ]);
  });

  it('names a folder without a site by the folder', () => {
    const withoutSite = edit(
      minimal,
      'site:\n  name: lab\n  owner: group:admins\n',
      '',
    );
    const result = validateInventoryFiles([
      { name: 'inventories/lab/a.yaml', content: withoutSite },
      {
        name: 'inventories/lab/b.yaml',
        content: 'apiVersion: homelab.dev/v1alpha1\nkind: Inventory\n',
      },
    ]);
    expect(onlyRule(result.problems, 'site-missing')).toEqual([
      expect.objectContaining({ file: 'inventories/lab' }),
    ]);
  });

  it('reports an inventory with no files', () => {
    expect(validateInventoryFiles([]).problems).toEqual([
      expect.objectContaining({ rule: 'no-files', severity: 'error' }),
    ]);
  });
});
