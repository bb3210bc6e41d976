import { formatProblem } from '../problems';
import { validateInventoryFiles } from '../validateInventory';

/*
 * References into files that could not be read (rules/context.ts): not
 * reported one by one, since what they name may be defined there, but
 * counted in one warning at each unreadable file, naming the first five.
 * The single-reference wording is in the bad-input corpus (case 178).
 */

/** A readable file whose devices sit on the named networks, one each. */
const site = (networks: string[]) => ({
  name: 'site.yaml',
  content: `apiVersion: homelab.dev/v1alpha2
kind: Inventory
site: { name: lab, owner: group:admins }
devices:
${networks
  .map(
    (network, index) =>
      `  - { name: d${index}, kind: server, interfaces: [{ network: ${network} }] }\n`,
  )
  .join('')}`,
});

/** A file that cannot be read: its YAML is broken. */
const broken = (name: string) => ({
  name,
  content: 'apiVersion: homelab.dev/v1alpha2\nkind: Inventory\nnetworks: [\n',
});

const warnings = (files: Array<{ name: string; content: string }>) =>
  validateInventoryFiles(files)
    .problems.filter(p => p.rule === 'references-not-checked')
    .map(formatProblem);

describe('references into files that could not be read', () => {
  it('counts each name once, naming all of five, at every unreadable file in name order', () => {
    expect(
      warnings([
        broken('z.yaml'),
        site(['n1', 'n2', 'n1', 'n3', 'n4', 'n5']),
        broken('a.yaml'),
      ]),
    ).toEqual([
      'a.yaml: warning: 5 references to names defined nowhere else (network "n1", network "n2", network "n3", network "n4", network "n5") were not checked: they may be defined in this file, which could not be read. Fix its errors first [references-not-checked] (see inventory-reference.md#inventory-reference)',
      'z.yaml: warning: 5 references to names defined nowhere else (network "n1", network "n2", network "n3", network "n4", network "n5") were not checked: they may be defined in this file, which could not be read. Fix its errors first [references-not-checked] (see inventory-reference.md#inventory-reference)',
    ]);
  });

  it('names the first five of more, and how many more', () => {
    expect(
      warnings([
        site(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']),
        broken('net.yaml'),
      ]),
    ).toEqual([
      'net.yaml: warning: 7 references to names defined nowhere else (network "n1", network "n2", network "n3", network "n4", network "n5" and 2 more) were not checked: they may be defined in this file, which could not be read. Fix its errors first [references-not-checked] (see inventory-reference.md#inventory-reference)',
    ]);
  });

  it('words a single reference in the singular', () => {
    expect(warnings([site(['n1']), broken('net.yaml')])).toEqual([
      'net.yaml: warning: 1 reference to a name defined nowhere else (network "n1") was not checked: it may be defined in this file, which could not be read. Fix its errors first [references-not-checked] (see inventory-reference.md#inventory-reference)',
    ]);
  });

  it('says nothing when every reference resolves', () => {
    expect(warnings([site([]), broken('net.yaml')])).toEqual([]);
  });
});
