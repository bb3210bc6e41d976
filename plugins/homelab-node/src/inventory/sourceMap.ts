import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Node,
  parseAllDocuments,
} from 'yaml';
import { InventoryProblem, PathSegment, formatPath } from './problems';
import { YAML_OPTIONS } from './yaml/yamlOptions';

/**
 * A read inventory file, kept to turn paths back into lines and columns.
 * Its text is kept, not its syntax trees: those are built again only when a
 * problem needs an exact position, so a large valid inventory costs little
 * memory.
 *
 * @public
 */
export interface SourceFile {
  /** The file's name as problems show it. */
  name: string;
  /** Its text. */
  text: string;
  /** How many YAML documents it holds. */
  documentCount: number;
  /** The value of each YAML document as read, when the fast reader read it. */
  values?: unknown[];
  /** Where the fast reader found each mapping and sequence of the values. */
  offsets?: WeakMap<object, number>;
  /** Its YAML documents with their syntax trees, built on first use. */
  documents(): Document[];
  /** The 1-based line and column of an offset into the text. */
  position(offset: number): { line: number; col: number };
}

/**
 * A source file of the given text. `documents` are the syntax trees when the
 * file was read with the `yaml` library already.
 */
export function createSourceFile(
  name: string,
  text: string,
  read: { values?: unknown[]; offsets?: WeakMap<object, number> } & (
    | { documents: Document[] }
    | { documentCount: number }
  ),
): SourceFile {
  let documents = 'documents' in read ? read.documents : undefined;
  let lineStarts: number[] | undefined;
  return {
    name,
    text,
    documentCount:
      'documents' in read ? read.documents.length : read.documentCount,
    values: read.values,
    offsets: read.offsets,
    documents() {
      documents ??= parseAllDocuments(text, YAML_OPTIONS) as Document[];
      return documents;
    },
    position(offset) {
      if (!lineStarts) {
        lineStarts = [0];
        for (
          let i = text.indexOf('\n');
          i !== -1;
          i = text.indexOf('\n', i + 1)
        )
          lineStarts.push(i + 1);
      }
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle] <= offset) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, col: offset - lineStarts[low] + 1 };
    },
  };
}

/**
 * Where an inventory item was written: its file, document and path there.
 *
 * @public
 */
export interface ItemOrigin {
  /** The file the item is in. */
  source: SourceFile;
  /** The 0-based index of its document in the file. */
  documentIndex: number;
  /** The item's path in that document, like ["devices", 3]. */
  path: PathSegment[];
}

function keyMatches(key: unknown, segment: PathSegment): boolean {
  return isScalar(key) ? key.value === segment : key === segment;
}

/**
 * The YAML node closest to the path: the value at the path, or the nearest
 * ancestor that exists (for a missing field, the object that lacks it). With
 * `atKey`, the key of the last segment instead of its value.
 */
function findNode(
  document: Document,
  path: readonly PathSegment[],
  atKey: boolean,
): Node | undefined {
  let node: unknown = document.contents;
  let found = node as Node | undefined;
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(item => keyMatches(item.key, segment));
      if (!pair) break;
      const isLast = index === path.length - 1;
      node = atKey && isLast ? pair.key : pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) break;
    } else {
      break;
    }
    if (isPair(node)) node = node.value;
    found = (node as Node) ?? found;
  }
  return found;
}

/**
 * The offset of the deepest mapping or sequence on the path whose start the
 * fast reader noted; undefined when it read nothing of this document.
 */
function containerOffset(
  source: SourceFile,
  documentIndex: number,
  path: readonly PathSegment[],
): number | undefined {
  const { values, offsets } = source;
  if (!values || !offsets) return undefined;
  let value: unknown = values[documentIndex];
  let offset =
    typeof value === 'object' && value ? offsets.get(value) : undefined;
  for (const segment of path) {
    if (!value || typeof value !== 'object') break;
    value = (value as Record<PathSegment, unknown>)[segment];
    const found =
      value && typeof value === 'object' ? offsets.get(value) : undefined;
    if (found !== undefined) offset = found;
  }
  return offset;
}

/**
 * Where a path inside an inventory item is written: file, document, YAML path, line and column.
 *
 * @public
 */
export type InventoryLocation = Pick<
  InventoryProblem,
  'file' | 'document' | 'path' | 'line' | 'column'
>;

/**
 * Finds where a path inside an inventory item is written, for messages and
 * source links. With `exact`, the position of the very value (or key) at
 * the path, from the file's syntax trees; otherwise that of the nearest
 * mapping or list on it, which needs no syntax tree.
 *
 * @public
 */
export function locateInInventory(
  origin: ItemOrigin,
  subPath: readonly PathSegment[] = [],
  options: { atKey?: boolean; exact?: boolean } = {},
): InventoryLocation {
  const { source, documentIndex } = origin;
  const path = [...origin.path, ...subPath];
  let offset = options.exact
    ? undefined
    : containerOffset(source, documentIndex, path);
  if (offset === undefined) {
    const document = source.documents()[documentIndex];
    offset = document
      ? findNode(document, path, options.atKey ?? false)?.range?.[0]
      : undefined;
  }
  const position = offset === undefined ? undefined : source.position(offset);
  return {
    file: source.name,
    ...(source.documentCount > 1 ? { document: documentIndex + 1 } : {}),
    path: formatPath(path),
    ...(position ? { line: position.line, column: position.col } : {}),
  };
}

/** A problem at a path inside an item, at the exact line and column. */
export function problemAt(
  origin: ItemOrigin,
  subPath: readonly PathSegment[],
  problem: Pick<InventoryProblem, 'severity' | 'rule' | 'message'>,
  options: { atKey?: boolean } = {},
): InventoryProblem {
  return {
    ...problem,
    ...locateInInventory(origin, subPath, { ...options, exact: true }),
  };
}
