import { Inventory } from '@homelab/plugin-homelab-common';
import { ListSection, listSections } from './inventorySections';
import { InventoryProblem, PathSegment } from './problems';
import { ItemOrigin, problemAt } from './sourceMap';

/**
 * What the files of an inventory add up to while they are read: the items
 * that passed their schema, where each came from, and every problem found.
 */
export class InventoryCollection {
  readonly problems: InventoryProblem[] = [];
  readonly origins = new WeakMap<object, ItemOrigin>();
  /** Items of the list sections, from all files, in reading order. */
  readonly sections = Object.fromEntries(
    listSections.map(section => [section, []]),
  ) as unknown as Omit<Inventory, 'site'>;
  /** Every site section that passed its schema; an inventory needs one. */
  readonly sites: Array<{ site: Inventory['site']; origin: ItemOrigin }> = [];
  /** Names of items left out for schema errors, per section. */
  readonly rejectedNames = Object.fromEntries(
    listSections.map(section => [section, new Set<string>()]),
  ) as Record<ListSection, Set<string>>;
  /** Sections rejected as a whole, for not being a list. */
  readonly rejectedSections = new Set<ListSection>();
  /** Files with a document that could not be read as an inventory at all. */
  readonly unreadableFiles = new Set<string>();
  /** Files of the previous format version, read and converted. */
  readonly legacyFiles = new Set<string>();
  /** Whether some document has a site section, valid or not. */
  siteMentioned = false;
  /** Documents that are YAML mappings, so read as inventory files. */
  readDocuments = 0;

  /** Notes that a file (or one of its documents) could not be read as an inventory. */
  markUnreadable(file: string) {
    this.unreadableFiles.add(file);
  }

  /** Records an error at a path inside a document. */
  reportError(
    origin: ItemOrigin,
    path: PathSegment[],
    rule: string,
    message: string,
    atKey = false,
  ) {
    this.problems.push(
      problemAt(origin, path, { severity: 'error', rule, message }, { atKey }),
    );
  }
}
