import { Inventory } from '@homelab/plugin-homelab-common';
import {
  InventoryInputFile,
  ParseOptions,
  parseInventoryFiles,
} from './parseInventory';
import { InventoryProblem, countErrors } from './problems';
import { checkAddressPlan } from './rules/addressPlan';
import { checkClusters } from './rules/clusters';
import { createRuleContext, reportUncheckedReferences } from './rules/context';
import { checkHardware } from './rules/hardware';
import { checkNames } from './rules/names';
import { checkReferences } from './rules/references';
import { checkOperations } from './rules/operations';
import { checkStorage } from './rules/storage';
import { checkVirtualMachines } from './rules/virtualMachines';
import { ItemOrigin } from './sourceMap';
import { referenceLink } from './referenceLinks';

/**
 * The outcome of validating an inventory.
 *
 * @public
 */
export interface InventoryValidation {
  /** The inventory, when it has no errors (warnings allowed); otherwise undefined. */
  inventory?: Inventory;
  /** Every problem found, errors and warnings, in file and line order. */
  problems: InventoryProblem[];
  /** How many of the problems are errors. */
  errorCount: number;
  /** How many of the problems are warnings. */
  warningCount: number;
  /** Where each item of the inventory was written. */
  origins: WeakMap<object, ItemOrigin>;
}

function byLocation(a: InventoryProblem, b: InventoryProblem): number {
  return (
    a.file.localeCompare(b.file) ||
    (a.document ?? 0) - (b.document ?? 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

/**
 * Parses and validates an inventory. All problems are collected in one pass:
 * shape errors of one item do not hide the cross-item problems of the others.
 *
 * @public
 */
export function validateInventoryFiles(
  files: readonly InventoryInputFile[],
  options: ParseOptions = {},
): InventoryValidation {
  const parsed = parseInventoryFiles(files, options);
  const problems = [...parsed.problems];
  if (parsed.inventory) {
    const context = createRuleContext(
      parsed.inventory,
      parsed.origins,
      parsed.rejectedNames,
      parsed.rejectedSections,
      problems,
      parsed.unreadableFiles,
    );
    checkNames(context);
    checkReferences(context);
    checkAddressPlan(context);
    checkClusters(context);
    checkHardware(context);
    checkStorage(context);
    checkVirtualMachines(context);
    checkOperations(context);
    reportUncheckedReferences(context, problems);
  }
  for (const problem of problems) problem.reference ??= referenceLink(problem);
  problems.sort(byLocation);
  const errorCount = countErrors(problems);
  return {
    inventory: errorCount === 0 ? parsed.inventory : undefined,
    problems,
    errorCount,
    warningCount: problems.length - errorCount,
    origins: parsed.origins,
  };
}
