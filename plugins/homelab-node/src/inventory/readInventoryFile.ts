import {
  INVENTORY_API_VERSION,
  INVENTORY_KIND,
} from '@homelab/plugin-homelab-common';
import { Document, parseAllDocuments } from 'yaml';
import { collectDocument } from './collectDocument';
import { decodeInventoryText } from './decodeInventoryText';
import { InventoryCollection } from './InventoryCollection';
import type { InventoryInputFile } from './parseInventory';
import {
  ItemOrigin,
  SourceFile,
  createSourceFile,
  problemAt,
} from './sourceMap';
import { readFastYaml } from './yaml/fastYaml';
import { YAML_OPTIONS } from './yaml/yamlOptions';

/** YAML aliases allowed per document, so a "billion laughs" file cannot exhaust memory. */
const MAX_YAML_ALIASES = 100;

/** Whether a document's value is empty: null or undefined. */
const isNothing = (value: unknown) => value === null || value === undefined;

/** The value of a document, or nothing when it could not be read. */
type DocumentValue = { readable: true; value: unknown } | { readable: false };

/**
 * Reads one file of an inventory into the collection: its text, its YAML
 * documents, and the sections of each document that can be read. Plain files
 * are read by the fast reader; files with anchors or YAML errors by the
 * `yaml` library, which expands aliases within a limit and reports every
 * syntax error with its line and column.
 */
export function readInventoryFile(
  file: InventoryInputFile,
  maxFileBytes: number,
  collection: InventoryCollection,
) {
  const decoded = decodeInventoryText(file, maxFileBytes);
  if (decoded.text === undefined) {
    collection.problems.push({
      ...decoded.problem!,
      file: file.name,
      path: '',
    });
    collection.markUnreadable(file.name);
    return;
  }
  const { text } = decoded;
  const fast = readFastYaml(text);
  let source: SourceFile;
  let values: DocumentValue[];
  if (fast) {
    source = createSourceFile(file.name, text, {
      ...fast,
      documentCount: fast.values.length,
    });
    values = fast.values.map(value => ({ readable: true, value }));
  } else {
    const documents = parseAllDocuments(text, YAML_OPTIONS) as Document[];
    source = createSourceFile(file.name, text, { documents });
    values = documents.map((document, documentIndex) =>
      document.contents === null
        ? { readable: true, value: null }
        : readDocument(
            document,
            { source, documentIndex, path: [] },
            collection,
          ),
    );
  }
  if (
    text.trim() === '' ||
    values.every(v => v.readable && isNothing(v.value))
  ) {
    collection.problems.push({
      severity: 'error',
      rule: 'empty-file',
      file: file.name,
      path: '',
      message: `the file has no content; an inventory file starts with "apiVersion: ${INVENTORY_API_VERSION}" and "kind: ${INVENTORY_KIND}"`,
    });
    return;
  }
  values.forEach((document, documentIndex) => {
    if (!document.readable) return;
    if (isNothing(document.value)) return;
    const root: ItemOrigin = { source, documentIndex, path: [] };
    collectDocument(document.value, root, collection);
  });
}

/**
 * The value of one YAML document, or the problems that keep it from having
 * one: syntax errors, nesting too deep to parse, too many aliases.
 */
function readDocument(
  document: Document,
  root: ItemOrigin,
  collection: InventoryCollection,
): DocumentValue {
  const { source, documentIndex } = root;
  const yamlIssues = [...document.errors, ...document.warnings];
  for (const issue of yamlIssues) {
    const position = source.position(issue.pos[0]);
    const tooDeep = issue.message.includes('Maximum call stack');
    collection.problems.push({
      severity: 'error',
      rule: tooDeep ? 'yaml-too-deep' : 'yaml-syntax',
      file: source.name,
      ...(source.documentCount > 1 ? { document: documentIndex + 1 } : {}),
      path: '',
      line: position.line,
      column: position.col,
      message: tooDeep
        ? 'the YAML is nested too deeply to read; an inventory needs only a few levels'
        : `YAML ${issue.message.split('\n')[0]}`,
    });
  }
  if (yamlIssues.length > 0) {
    collection.markUnreadable(source.name);
    return { readable: false };
  }
  try {
    return {
      readable: true,
      value: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }),
    };
  } catch (error) {
    collection.problems.push(
      problemAt(root, [], {
        severity: 'error',
        rule: 'yaml-aliases',
        message: `the YAML could not be expanded: ${(error as Error).message}`,
      }),
    );
    collection.markUnreadable(source.name);
    return { readable: false };
  }
}
