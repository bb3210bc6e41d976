import {
  Document,
  LineCounter,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Node,
} from 'yaml';
import { InventoryProblem, PathSegment, formatPath } from './problems';

/**
 * A parsed inventory file, kept to turn paths back into line numbers.
 *
 * @public
 */
export interface SourceFile {
  /** The file's name as problems show it. */
  name: string;
  /** Its YAML documents, with their syntax trees. */
  documents: Document[];
  /** Turns offsets in the file into lines and columns. */
  lineCounter: LineCounter;
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
 * Where a path inside an inventory item is written: file, document, YAML path, line and column.
 *
 * @public
 */
export type InventoryLocation = Pick<
  InventoryProblem,
  'file' | 'document' | 'path' | 'line' | 'column'
>;

/**
 * Finds where a path inside an inventory item is written, for messages and source links.
 *
 * @public
 */
export function locateInInventory(
  origin: ItemOrigin,
  subPath: readonly PathSegment[] = [],
  options: { atKey?: boolean } = {},
): InventoryLocation {
  const { source, documentIndex } = origin;
  const path = [...origin.path, ...subPath];
  const document = source.documents[documentIndex];
  const node = document && findNode(document, path, options.atKey ?? false);
  const position = node?.range
    ? source.lineCounter.linePos(node.range[0])
    : undefined;
  return {
    file: source.name,
    ...(source.documents.length > 1 ? { document: documentIndex + 1 } : {}),
    path: formatPath(path),
    ...(position ? { line: position.line, column: position.col } : {}),
  };
}

export function problemAt(
  origin: ItemOrigin,
  subPath: readonly PathSegment[],
  problem: Pick<InventoryProblem, 'severity' | 'rule' | 'message'>,
  options: { atKey?: boolean } = {},
): InventoryProblem {
  return { ...problem, ...locateInInventory(origin, subPath, options) };
}
