import { InputError } from '@backstage/errors';
import {
  formatErrors,
  InventoryInputFile,
  readInventoryFromPath,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveInside } from '../paths/resolveInside';
import { isDeepStrictEqual } from 'node:util';
import { applyTextEdits, listEdits, TextEdit } from './yamlListEdits';
import {
  Document,
  isMap,
  isSeq,
  parseAllDocuments,
  YAMLMap,
  YAMLSeq,
} from 'yaml';

/** An item to add to a list of the inventory, like a device. */
export interface InventoryAddition {
  /** The list, as a path from a document's root: ["devices"], or ["clusters", "production", "nodes"] (a name picks a list item). */
  list: string[];
  /** The item; it must carry a `name`. */
  item: Record<string, unknown> & { name: string };
}

/** Items to take out of a list of the inventory, like the reservation a new device fills. */
export interface InventoryRemoval {
  /** The list, as in {@link InventoryAddition}. */
  list: string[];
  /** Whether an item of the list goes. */
  matches(item: Record<string, unknown>): boolean;
}

/** What editing did to each file. */
interface InventoryEdit {
  /** Files changed, relative to the workspace. */
  changed: string[];
  /** Items that were already there, identical: nothing to do. */
  unchanged: string[];
}

/** What changes in one list of a document: items taken out (by index) and added. */
interface ListChange {
  document: Document.Parsed;
  seq: YAMLSeq;
  removed: Set<number>;
  added: Array<Record<string, unknown>>;
}

/** The documents of a file, kept with comments and formatting for writing back. */
interface EditableFile {
  file: InventoryInputFile;
  text: string;
  documents: Document.Parsed[];
  changes: Map<YAMLSeq, ListChange>;
}

function changeOf(file: EditableFile, document: Document.Parsed, seq: YAMLSeq) {
  let change = file.changes.get(seq);
  if (!change) {
    change = { document, seq, removed: new Set(), added: [] };
    file.changes.set(seq, change);
  }
  return change;
}

/**
 * The file's new text: only the list items added and taken out change,
 * every other byte is kept; a list the edits cannot reach that way (a flow
 * list, an empty one) has its document written again by the YAML library.
 */
function editedText(file: EditableFile): string {
  const changes = [...file.changes.values()];
  const edits = changes.map(c =>
    listEdits(file.text, c.document, c.seq, c.added, c.removed),
  );
  if (edits.every(Boolean))
    return applyTextEdits(file.text, edits.flat() as TextEdit[]);
  for (const { document, seq, removed, added } of changes) {
    seq.items = seq.items.filter((_, index) => !removed.has(index));
    for (const item of added) seq.items.push(document.createNode(item));
  }
  return file.documents.map(d => d.toString({ lineWidth: 0 })).join('');
}

/** The YAML sequence at `list` in this document, resolving names to list items. */
function findList(
  document: Document.Parsed,
  list: string[],
): YAMLSeq | undefined {
  let node: unknown = document.contents;
  for (const key of list) {
    if (isMap(node)) {
      node = node.get(key, true);
    } else if (isSeq(node)) {
      node = node.items.find(
        item => isMap(item) && (item as YAMLMap).get('name') === key,
      );
    } else {
      return undefined;
    }
  }
  return isSeq(node) ? node : undefined;
}

/**
 * Adds items to an inventory in the workspace (and takes out the removals),
 * keeping comments and layout, and validates the result with the catalog module's validator before
 * writing anything: an edit that would make the catalog reject the
 * inventory is refused with every problem. Adding an item that is already
 * there, identical, changes nothing; one of the same name with other facts
 * is refused rather than overwritten.
 */
export async function editInventory(
  workspacePath: string,
  inventoryPath: string,
  additions: InventoryAddition[],
  options: { dryRun?: boolean; removals?: InventoryRemoval[] } = {},
): Promise<InventoryEdit> {
  const root = resolveInside(
    workspacePath,
    inventoryPath,
    `inventory path ${inventoryPath} leaves the workspace`,
  );
  const files: EditableFile[] = (await readInventoryFromPath(root)).map(
    file => {
      const text = file.content.toString('utf8');
      return {
        file,
        text,
        documents: parseAllDocuments(text) as Document.Parsed[],
        changes: new Map(),
      };
    },
  );
  const relative = (file: EditableFile) =>
    path.relative(workspacePath, file.file.name);

  for (const { list, matches } of options.removals ?? []) {
    for (const file of files) {
      for (const document of file.documents) {
        const seq = findList(document, list);
        if (!seq) continue;
        seq.items.forEach((node, index) => {
          if (isMap(node) && matches((node as YAMLMap).toJSON())) {
            changeOf(file, document, seq).removed.add(index);
          }
        });
      }
    }
  }

  const unchanged: string[] = [];
  for (const { list, item } of additions) {
    const where = list.join('.');
    const lists = files.flatMap(file =>
      file.documents.flatMap(document => {
        const seq = findList(document, list);
        return seq ? [{ file, document, seq }] : [];
      }),
    );
    const existing = lists
      .map(({ file, seq }) => ({
        file,
        node: seq.items.find(
          node => isMap(node) && node.get('name') === item.name,
        ),
      }))
      .find(found => found.node);
    if (existing) {
      if (!isDeepStrictEqual((existing.node as YAMLMap).toJSON(), item)) {
        throw new InputError(
          `${relative(existing.file)} already has ${where} item "${
            item.name
          }" with other facts; it is not overwritten. Pick another name, or change the inventory by hand.`,
        );
      }
      unchanged.push(`${where}: ${item.name}`);
      continue;
    }
    const target = lists[0];
    if (!target) {
      throw new InputError(
        `No file of the inventory at ${inventoryPath} has a list at ${where} to add "${item.name}" to`,
      );
    }
    changeOf(target.file, target.document, target.seq).added.push(item);
  }

  const changedFiles = files.filter(f => f.changes.size > 0);
  if (changedFiles.length === 0) return { changed: [], unchanged };
  const edited = files.map(f =>
    f.changes.size ? { name: f.file.name, content: editedText(f) } : f.file,
  );
  const validation = validateInventoryFiles(edited);
  if (validation.errorCount > 0) {
    const problems = validation.problems.map(p => ({
      ...p,
      file: path.relative(workspacePath, p.file),
    }));
    throw new InputError(
      `The inventory would be invalid after this change, so nothing was written:\n${formatErrors(
        problems,
      )}`,
    );
  }
  if (options.dryRun) return { changed: changedFiles.map(relative), unchanged };
  for (const file of edited) {
    if (files.find(f => f.file.name === file.name)?.changes.size) {
      await fs.writeFile(file.name, file.content as string);
    }
  }
  return { changed: changedFiles.map(relative), unchanged };
}
