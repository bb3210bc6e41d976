import fs from 'node:fs';
import path from 'node:path';
import { InventoryProblem } from '../../problems';
import { validateInventoryFiles } from '../../validateInventory';

/** The test corpus's minimal valid inventory, as written there (v1alpha1). */
export const MINIMAL_INVENTORY = fs.readFileSync(
  path.resolve(__dirname, '../../../../test-corpus/valid/minimal.yaml'),
  'utf8',
);

/** The minimal valid inventory in v1alpha2, for the sections only it has. */
export const MINIMAL_INVENTORY_V1ALPHA2 = MINIMAL_INVENTORY.replace(
  'apiVersion: homelab.dev/v1alpha1',
  'apiVersion: homelab.dev/v1alpha2',
);

/** `inventory` with each `from` replaced by its `to`; a `from` it lacks fails the test. */
export function editedInventory(
  inventory: string,
  edits: Array<[string, string]>,
): string {
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`edit target missing: ${from}`);
    return text.replace(from, to);
  }, inventory);
}

/** The problems the validator finds in one inventory file, one line each: "severity path: message [rule]". */
export function problemLines(content: string): string[] {
  return validateInventoryFiles([
    { name: 'inventory.yaml', content },
  ]).problems.map(
    (p: InventoryProblem) =>
      `${p.severity} ${p.path}: ${p.message} [${p.rule}]`,
  );
}
