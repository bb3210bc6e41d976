import {
  INVENTORY_API_VERSION,
  INVENTORY_KIND,
} from '@homelab/plugin-homelab-common';
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { collectDocument } from './collectDocument';
import { decodeInventoryText } from './decodeInventoryText';
import { InventoryCollection } from './InventoryCollection';
import type { InventoryInputFile } from './parseInventory';
import { ItemOrigin, SourceFile, problemAt } from './sourceMap';

/** YAML aliases allowed per document, so a "billion laughs" file cannot exhaust memory. */
const MAX_YAML_ALIASES = 100;

/**
 * Reads one file of an inventory into the collection: its text, its YAML
 * documents, and the sections of each document that can be read.
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
    collection.unreadableDocuments++;
    return;
  }
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(decoded.text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // `<<: *anchor` merge keys, common in homelab YAML for repeated hardware.
    merge: true,
  });
  const documentList = Array.isArray(documents) ? documents : [];
  const source: SourceFile = {
    name: file.name,
    documents: documentList,
    lineCounter,
  };
  const nonEmpty = documentList.filter(document => document.contents !== null);
  if (decoded.text.trim() === '' || nonEmpty.length === 0) {
    collection.problems.push({
      severity: 'error',
      rule: 'empty-file',
      file: file.name,
      path: '',
      message: `the file has no content; an inventory file starts with "apiVersion: ${INVENTORY_API_VERSION}" and "kind: ${INVENTORY_KIND}"`,
    });
    return;
  }

  documentList.forEach((document, documentIndex) => {
    if (document.contents === null) return;
    const root: ItemOrigin = { source, documentIndex, path: [] };
    const data = readDocument(document, root, collection);
    if (data.readable) collectDocument(data.value, root, collection);
  });
}

/**
 * The value of one YAML document, or the problems that keep it from having
 * one: syntax errors, nesting too deep to parse, too many aliases.
 */
function readDocument(
  document: Document.Parsed,
  root: ItemOrigin,
  collection: InventoryCollection,
): { readable: true; value: unknown } | { readable: false } {
  const { source, documentIndex } = root;
  const yamlIssues = [...document.errors, ...document.warnings];
  for (const issue of yamlIssues) {
    const position = issue.linePos?.[0];
    const tooDeep = issue.message.includes('Maximum call stack');
    collection.problems.push({
      severity: 'error',
      rule: tooDeep ? 'yaml-too-deep' : 'yaml-syntax',
      file: source.name,
      ...(source.documents.length > 1 ? { document: documentIndex + 1 } : {}),
      path: '',
      ...(position ? { line: position.line, column: position.col } : {}),
      message: tooDeep
        ? 'the YAML is nested too deeply to read; an inventory needs only a few levels'
        : `YAML ${issue.message.split('\n')[0]}`,
    });
  }
  if (yamlIssues.length > 0) {
    collection.unreadableDocuments++;
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
    collection.unreadableDocuments++;
    return { readable: false };
  }
}
