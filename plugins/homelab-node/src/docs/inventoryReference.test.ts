import fs from 'node:fs';
import path from 'node:path';
import { inventoryReferenceMarkdown } from './inventoryReference';

const committed = path.resolve(
  __dirname,
  '../../../../docs/inventory-reference.md',
);

describe('inventoryReferenceMarkdown', () => {
  const reference = inventoryReferenceMarkdown();

  it('documents every section and nested field of the schema, with types and defaults', () => {
    expect(reference).toContain(
      '| `vlan` | integer 1–4094 |  | 802.1Q VLAN id (1-4094); leave out for an untagged network. |',
    );
    expect(reference).toContain('| `interfaces[].address` | IP address |');
    expect(reference).toContain('| `cpu.cores` | integer > 0 |  |');
    expect(reference).toMatch(
      /\| `status` \| one of `active`, `planned`, `optional`, `retired`, `spare` \|.*Default: `"active"`\./,
    );
    expect(reference).toContain(
      '| `cidr` | CIDR block or `unknown` | yes | Address block of the network',
    );
    expect(reference).toContain(
      '| `vcpus` | integer > 0 or range `{ min, max }` |',
    );
    // The ten sections, and the names, unknown facts and lifecycle.
    expect(reference.match(/^## /gm)).toHaveLength(12);
  });

  it('is what docs/inventory-reference.md holds (regenerate it with `npx homelab-inventory reference > docs/inventory-reference.md`)', () => {
    expect(fs.readFileSync(committed, 'utf8')).toBe(reference);
  });
});
