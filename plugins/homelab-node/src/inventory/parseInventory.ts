import { Inventory } from '@homelab/plugin-homelab-common';
import { InventoryCollection } from './InventoryCollection';
import { ListSection } from './inventorySections';
import { InventoryProblem } from './problems';
import { readInventoryFile } from './readInventoryFile';
import { ItemOrigin, problemAt } from './sourceMap';

/**
 * One file of an inventory, as read from disk or a URL.
 *
 * @public
 */
export interface InventoryInputFile {
  /** How problems name the file: a path relative to the inventory, or a URL. */
  name: string;
  /** The raw bytes or text; bytes are decoded as UTF-8. */
  content: string | Buffer;
}

/**
 * Limits for parsing an inventory.
 *
 * @public
 */
export interface ParseOptions {
  /** Files larger than this are refused; default 10 MiB. */
  maxFileBytes?: number;
}

/**
 * The default largest inventory file, 10 MiB.
 *
 * @public
 */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The result of parsing: the combined inventory, where each item came from, and what was wrong. */
interface ParsedInventory {
  /** Present when a site was found; items that failed their schema are left out. */
  inventory?: Inventory;
  origins: WeakMap<object, ItemOrigin>;
  problems: InventoryProblem[];
  /**
   * Names of items left out for schema errors, per section, so that later rules
   * do not also report references to them as unknown.
   */
  rejectedNames: Record<ListSection, Set<string>>;
  /** Sections rejected as a whole (not a list): references into them are not checked. */
  rejectedSections: Set<ListSection>;
  /** Files with a document that could not be read: names may be defined there. */
  unreadableFiles: ReadonlySet<string>;
  /** Files of the previous format version, converted as they were read. */
  legacyFiles: ReadonlySet<string>;
}

/**
 * Reads the files of an inventory into one: each file's YAML documents, each
 * document's sections, each item checked against its schema. Whatever a file
 * holds becomes problems, never an exception.
 */
export function parseInventoryFiles(
  files: readonly InventoryInputFile[],
  options: ParseOptions = {},
): ParsedInventory {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const collection = new InventoryCollection();
  if (files.length === 0) {
    collection.problems.push({
      severity: 'error',
      rule: 'no-files',
      file: '(inventory)',
      path: '',
      message: 'no inventory files were found; expected .yaml or .yml files',
    });
  }
  for (const file of files) {
    try {
      readInventoryFile(file, maxFileBytes, collection);
    } catch (error) {
      // The last line of defence: whatever a file holds, it becomes a problem, never a crash.
      collection.problems.push({
        severity: 'error',
        rule: 'unreadable',
        file: file.name,
        path: '',
        message: `the file could not be read: ${(error as Error).message}`,
      });
      collection.markUnreadable(file.name);
    }
  }
  return withOneSite(collection, files);
}

/**
 * The collected inventory under its one site, with a problem when no file
 * defines the site or several do.
 */
function withOneSite(
  collection: InventoryCollection,
  files: readonly InventoryInputFile[],
): ParsedInventory {
  const {
    sites,
    origins,
    problems,
    rejectedNames,
    rejectedSections,
    unreadableFiles,
    legacyFiles,
  } = collection;
  const parsed = {
    origins,
    problems,
    rejectedNames,
    rejectedSections,
    unreadableFiles,
    legacyFiles,
  };
  for (const { origin } of sites.slice(1)) {
    problems.push(
      problemAt(origin, [], {
        severity: 'error',
        rule: 'site-duplicate',
        message: `the site is defined more than once; the first definition is in ${sites[0].origin.source.name}. Keep one "site" section per inventory`,
      }),
    );
  }
  if (sites.length === 0) {
    // A site that failed its schema, or that may sit in a file that could not
    // be read, has been reported already; so has an inventory with no content.
    if (
      collection.readDocuments > 0 &&
      !collection.siteMentioned &&
      unreadableFiles.size === 0
    ) {
      problems.push({
        severity: 'error',
        rule: 'site-missing',
        file: inventoryName(files),
        path: '',
        message:
          'no file defines the "site" section (name and owner of the homelab); exactly one file must',
      });
    }
    return parsed;
  }

  for (const { site, origin } of sites) origins.set(site, origin);
  return {
    inventory: { site: sites[0].site, ...collection.sections },
    ...parsed,
  };
}

/**
 * How problems about the inventory as a whole name it: the one file, or the
 * folder (or URL) all its files are in.
 */
function inventoryName(files: readonly InventoryInputFile[]): string {
  if (files.length === 1) return files[0].name;
  const folders = files.map(file =>
    file.name.slice(0, file.name.lastIndexOf('/') + 1),
  );
  let common = folders[0] ?? '';
  for (const folder of folders) {
    while (!folder.startsWith(common))
      common = common.slice(0, common.lastIndexOf('/', common.length - 2) + 1);
  }
  return common ? common.replace(/\/$/, '') : '(inventory)';
}
