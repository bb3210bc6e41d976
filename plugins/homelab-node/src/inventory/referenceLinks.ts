import { inventoryListSections } from '@homelab/plugin-homelab-common';
import { InventoryProblem } from './problems';

/**
 * The reference page's file: docs/inventory-reference.md of the Homelab
 * Platform repository, the "Inventory reference" page of its TechDocs, and
 * what `homelab-inventory reference` prints.
 */
const PAGE = 'inventory-reference.md';

/** Rules about names, which the reference's "Names" section explains, whatever field they are found in. */
const NAME_RULES = new Set([
  'duplicate-name',
  'entity-name',
  'entity-name-collision',
]);

/** Sections whose heading is the section's key; their anchor is the key in lower case. */
const SECTIONS = new Set<string>(['site', ...inventoryListSections]);

/**
 * The heading anchors of the reference page that problems link to, for a
 * test to check against the page: each section's, "Names", and the page's
 * title for problems of a whole file (YAML syntax, encoding, apiVersion).
 */
export const REFERENCE_ANCHORS: readonly string[] = [
  'inventory-reference',
  'names',
  ...[...SECTIONS].map(section => section.toLowerCase()),
];

/**
 * Where the inventory reference explains what a problem is about, as
 * `inventory-reference.md#<anchor>`: the section of the field at its path
 * (both MkDocs and GitHub make a heading's anchor of its words in lower
 * case), the naming rules for name clashes, or the page's top, which says
 * what a file holds, for problems of a whole file.
 */
export function referenceLink(
  problem: Pick<InventoryProblem, 'rule' | 'path'>,
): string {
  if (NAME_RULES.has(problem.rule)) return `${PAGE}#names`;
  if (problem.rule === 'site-missing' || problem.rule === 'site-duplicate')
    return `${PAGE}#site`;
  const section = /^[A-Za-z]+/.exec(problem.path)?.[0];
  if (section && SECTIONS.has(section))
    return `${PAGE}#${section.toLowerCase()}`;
  return `${PAGE}#inventory-reference`;
}
