import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { editInventory } from './editInventory';

const exampleInventory = path.resolve(
  __dirname,
  '../../../../examples/homelab',
);

const rk14 = {
  name: 'rk1-4',
  title: 'RK1 module 4',
  kind: 'sbc',
  interfaces: [{ network: 'serverlan', address: '192.168.100.15' }],
};
const device = { list: ['devices'], item: rk14 };
const node = {
  list: ['clusters', 'production', 'nodes'],
  item: { name: 'rk1-4', device: 'rk1-4', roles: ['worker'] },
};

/**
 * The lines between the first and last that differ: `-` for the old ones,
 * `+` for the new ones. Every line outside that span is byte-identical.
 */
function changedLines(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  return [
    ...a.slice(start, a.length - end).map(line => `-${line}`),
    ...b.slice(start, b.length - end).map(line => `+${line}`),
  ];
}

describe('editInventory', () => {
  let workspace: string;
  const read = (file: string) =>
    fs.readFile(path.join(workspace, 'inventory', file), 'utf8');

  beforeEach(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'edit-inventory-'));
    await fs.cp(exampleInventory, path.join(workspace, 'inventory'), {
      recursive: true,
    });
  });

  afterEach(() => fs.rm(workspace, { recursive: true, force: true }));

  it('adds to a flow-style list in its style and touches no other line', async () => {
    const before = await read('clusters.yaml');

    const edit = await editInventory(workspace, 'inventory', [device, node]);

    expect(edit.changed).toEqual([
      'inventory/clusters.yaml',
      'inventory/hardware.yaml',
    ]);
    expect(changedLines(before, await read('clusters.yaml'))).toEqual([
      '+      - { name: rk1-4, device: rk1-4, roles: [ worker ] }',
    ]);
  });

  it('adds to a block-style list as a block map', async () => {
    const before = await read('hardware.yaml');

    await editInventory(workspace, 'inventory', [device]);

    expect(changedLines(before, await read('hardware.yaml'))).toEqual([
      '+  - name: rk1-4',
      '+    title: RK1 module 4',
      '+    kind: sbc',
      '+    interfaces:',
      '+      - network: serverlan',
      '+        address: 192.168.100.15',
    ]);
  });

  it('takes the last item out of a list and leaves an empty list', async () => {
    const before = await read('network.yaml');

    await editInventory(workspace, 'inventory', [], {
      removals: [
        {
          list: ['networks', 'serverlan', 'reserved'],
          matches: item => item.start === '192.168.100.14',
        },
      ],
    });

    expect(changedLines(before, await read('network.yaml'))).toEqual([
      '-    reserved:',
      '-      - start: 192.168.100.14',
      '-        purpose: RK1 module 4 in Turing Pi slot 4 (future worker + Longhorn)',
      '+    reserved: []',
    ]);
  });

  it('adds to a flow list by writing its document again, comments kept', async () => {
    const file = path.join(workspace, 'inventory', 'clusters.yaml');
    const blockNodes =
      '    nodes:\n      - name: rpi-staging\n        device: rpi-staging\n        roles: [control-plane, worker, storage]\n';
    const original = await read('clusters.yaml');
    expect(original).toContain(blockNodes);
    await fs.writeFile(
      file,
      original.replace(
        blockNodes,
        '    nodes: [{ name: rpi-staging, device: rpi-staging, roles: [control-plane, worker, storage] }]\n',
      ),
    );

    await editInventory(workspace, 'inventory', [
      device,
      { ...node, list: ['clusters', 'staging', 'nodes'] },
    ]);

    const after = await read('clusters.yaml');
    expect(after).toContain(
      '    nodes: [ { name: rpi-staging, device: rpi-staging, roles: [ control-plane, worker, storage ] }, { name: rk1-4, device: rk1-4, roles: [ worker ] } ]\n',
    );
    expect(after).toContain(
      '# Clusters. Production runs Talos on the three RK1 modules',
    );
    expect(after).toContain('platformServices: &platform-services');
    expect(after).toContain('platformServices: *platform-services');
  });

  it('writes nothing on a dry run and nothing when the item is already there', async () => {
    const before = await read('hardware.yaml');

    const dryRun = await editInventory(workspace, 'inventory', [device], {
      dryRun: true,
    });
    expect(dryRun.changed).toEqual(['inventory/hardware.yaml']);
    expect(await read('hardware.yaml')).toBe(before);

    await editInventory(workspace, 'inventory', [device]);
    const again = await editInventory(workspace, 'inventory', [device]);
    expect(again).toEqual({ changed: [], unchanged: ['devices: rk1-4'] });
  });

  it('refuses an edit that makes the inventory invalid and writes nothing', async () => {
    const before = await read('clusters.yaml');

    await expect(
      editInventory(workspace, 'inventory', [
        {
          list: ['clusters', 'production', 'nodes'],
          item: { name: 'rk1-9', device: 'no-such-device', roles: ['worker'] },
        },
      ]),
    ).rejects.toThrow(/no-such-device/);
    expect(await read('clusters.yaml')).toBe(before);
  });
});
