import {
  INVENTORY_API_VERSION,
  INVENTORY_KIND,
  Inventory,
  clusterSchema,
  deviceSchema,
  environmentSchema,
  networkSchema,
  siteSchema,
  storageSchema,
  wanLinkSchema,
} from '@homelab/plugin-homelab-common';
import { LineCounter, parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { InventoryProblem, PathSegment } from './problems';
import { ItemOrigin, SourceFile, problemAt } from './sourceMap';
import { closestMatch } from './suggestions';
import { explainZodError } from './zodIssues';

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
/** YAML aliases allowed per document, so a "billion laughs" file cannot exhaust memory. */
const MAX_YAML_ALIASES = 100;

const sectionSchemas = {
  environments: environmentSchema,
  networks: networkSchema,
  wan: wanLinkSchema,
  devices: deviceSchema,
  clusters: clusterSchema,
  storage: storageSchema,
} as const;

type ListSection = keyof typeof sectionSchemas;
const listSections = Object.keys(sectionSchemas) as ListSection[];
const knownTopLevelKeys = ['apiVersion', 'kind', 'site', ...listSections];

/** The result of parsing: the combined inventory, where each item came from, and what was wrong. */
export interface ParsedInventory {
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
}

function decodeText(
  file: InventoryInputFile,
  maxFileBytes: number,
): { text?: string; problem?: Omit<InventoryProblem, 'file' | 'path'> } {
  const bytes =
    typeof file.content === 'string'
      ? Buffer.byteLength(file.content)
      : file.content.byteLength;
  if (bytes > maxFileBytes) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return {
      problem: {
        severity: 'error',
        rule: 'file-too-large',
        message: `the file is ${mb(bytes)} MiB, larger than the ${mb(
          maxFileBytes,
        )} MiB limit for one inventory file; split it into several files in a folder`,
      },
    };
  }
  let text: string;
  if (typeof file.content === 'string') {
    text = file.content;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
    } catch {
      return {
        problem: {
          severity: 'error',
          rule: 'not-text',
          message:
            'the file is not UTF-8 text; inventory files must be YAML saved as UTF-8',
        },
      };
    }
  }
  if (text.includes('\u0000')) {
    return {
      problem: {
        severity: 'error',
        rule: 'not-text',
        message:
          'the file contains NUL bytes, so it is binary rather than YAML text',
      },
    };
  }
  return { text: text.replace(/^\uFEFF/, '') };
}

export function parseInventoryFiles(
  files: readonly InventoryInputFile[],
  options: ParseOptions = {},
): ParsedInventory {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const problems: InventoryProblem[] = [];
  const origins = new WeakMap<object, ItemOrigin>();
  const rejectedNames = Object.fromEntries(
    listSections.map(section => [section, new Set<string>()]),
  ) as ParsedInventory['rejectedNames'];
  const sections: Omit<Inventory, 'site'> = {
    environments: [],
    networks: [],
    wan: [],
    devices: [],
    clusters: [],
    storage: [],
  };
  const sites: Array<{ site: Inventory['site']; origin: ItemOrigin }> = [];
  let siteMentioned = false;
  let readDocuments = 0;
  let unreadableDocuments = 0;
  const rejectedSections = new Set<ListSection>();

  if (files.length === 0) {
    problems.push({
      severity: 'error',
      rule: 'no-files',
      file: '(inventory)',
      path: '',
      message: 'no inventory files were found; expected .yaml or .yml files',
    });
  }

  for (const file of files) {
    try {
      readFile(file);
    } catch (error) {
      // The last line of defence: whatever a file holds, it becomes a problem, never a crash.
      problems.push({
        severity: 'error',
        rule: 'unreadable',
        file: file.name,
        path: '',
        message: `the file could not be read: ${(error as Error).message}`,
      });
      unreadableDocuments++;
    }
  }

  function readFile(file: InventoryInputFile) {
    const decoded = decodeText(file, maxFileBytes);
    if (decoded.text === undefined) {
      problems.push({ ...decoded.problem!, file: file.name, path: '' });
      unreadableDocuments++;
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
    const nonEmpty = documentList.filter(
      document => document.contents !== null,
    );
    if (decoded.text.trim() === '' || nonEmpty.length === 0) {
      problems.push({
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
      const yamlIssues = [...document.errors, ...document.warnings];
      for (const issue of yamlIssues) {
        const position = issue.linePos?.[0];
        const tooDeep = issue.message.includes('Maximum call stack');
        problems.push({
          severity: 'error',
          rule: tooDeep ? 'yaml-too-deep' : 'yaml-syntax',
          file: file.name,
          ...(documentList.length > 1 ? { document: documentIndex + 1 } : {}),
          path: '',
          ...(position ? { line: position.line, column: position.col } : {}),
          message: tooDeep
            ? 'the YAML is nested too deeply to read; an inventory needs only a few levels'
            : `YAML ${issue.message.split('\n')[0]}`,
        });
      }
      if (yamlIssues.length > 0) {
        unreadableDocuments++;
        return;
      }

      let data: unknown;
      try {
        data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
      } catch (error) {
        problems.push(
          problemAt(root, [], {
            severity: 'error',
            rule: 'yaml-aliases',
            message: `the YAML could not be expanded: ${
              (error as Error).message
            }`,
          }),
        );
        unreadableDocuments++;
        return;
      }
      collectDocument(data, root);
    });
  }

  function report(
    origin: ItemOrigin,
    path: PathSegment[],
    rule: string,
    message: string,
    atKey = false,
  ) {
    problems.push(
      problemAt(origin, path, { severity: 'error', rule, message }, { atKey }),
    );
  }

  function collectDocument(data: unknown, root: ItemOrigin) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      report(
        root,
        [],
        'schema',
        'an inventory file must be a YAML mapping with apiVersion, kind and sections',
      );
      unreadableDocuments++;
      return;
    }
    const record = data as Record<string, unknown>;
    readDocuments++;
    if (record.apiVersion !== INVENTORY_API_VERSION) {
      report(
        root,
        record.apiVersion === undefined ? [] : ['apiVersion'],
        'api-version',
        record.apiVersion === undefined
          ? `"apiVersion" is required and must be "${INVENTORY_API_VERSION}"`
          : `apiVersion must be "${INVENTORY_API_VERSION}", not "${String(
              record.apiVersion,
            )}"`,
      );
      unreadableDocuments++;
      return;
    }
    if (record.kind !== INVENTORY_KIND) {
      report(
        root,
        record.kind === undefined ? [] : ['kind'],
        'kind',
        `"kind" must be "${INVENTORY_KIND}"${
          record.kind === undefined ? '' : `, not "${String(record.kind)}"`
        }`,
      );
      unreadableDocuments++;
      return;
    }
    for (const key of Object.keys(record)) {
      if (!knownTopLevelKeys.includes(key)) {
        const suggestion = closestMatch(key, knownTopLevelKeys);
        report(
          root,
          [key],
          'schema',
          `unknown section "${key}"${
            suggestion ? `; did you mean "${suggestion}"?` : ''
          } Known sections: ${knownTopLevelKeys.slice(2).join(', ')}.`,
          true,
        );
      }
    }

    if (record.site !== undefined) {
      siteMentioned = true;
      const origin = { ...root, path: ['site'] };
      const result = siteSchema.safeParse(record.site, { reportInput: true });
      if (result.success) {
        sites.push({ site: result.data, origin });
      } else {
        for (const issue of explainZodError(result.error, siteSchema)) {
          report(origin, issue.path, 'schema', issue.message, issue.atKey);
        }
      }
    }

    for (const section of listSections) {
      const value = record[section];
      if (value === undefined || value === null) continue;
      if (!Array.isArray(value)) {
        report(
          root,
          [section],
          'schema',
          `"${section}" must be a list (items starting with "- ")`,
        );
        rejectedSections.add(section);
        continue;
      }
      const schema: z.ZodType = sectionSchemas[section];
      value.forEach((item, index) => {
        const origin: ItemOrigin = { ...root, path: [section, index] };
        const result = schema.safeParse(item, { reportInput: true });
        if (result.success) {
          const parsed = result.data as object;
          origins.set(parsed, origin);
          (sections[section] as object[]).push(parsed);
          return;
        }
        const name = (item as { name?: unknown } | null)?.name;
        if (typeof name === 'string') rejectedNames[section].add(name);
        for (const issue of explainZodError(result.error, schema)) {
          report(origin, issue.path, 'schema', issue.message, issue.atKey);
        }
      });
    }
  }

  if (sites.length > 1) {
    for (const { origin } of sites.slice(1)) {
      problems.push(
        problemAt(origin, [], {
          severity: 'error',
          rule: 'site-duplicate',
          message: `the site is defined more than once; the first definition is in ${sites[0].origin.source.name}. Keep one "site" section per inventory`,
        }),
      );
    }
  }
  if (sites.length === 0) {
    // A site that failed its schema, or that may sit in a file that could not
    // be read, has been reported already; so has an inventory with no content.
    if (readDocuments > 0 && !siteMentioned && unreadableDocuments === 0) {
      problems.push({
        severity: 'error',
        rule: 'site-missing',
        file: inventoryName(files),
        path: '',
        message:
          'no file defines the "site" section (name and owner of the homelab); exactly one file must',
      });
    }
    return { origins, problems, rejectedNames, rejectedSections };
  }

  for (const { site, origin } of sites) origins.set(site, origin);
  return {
    inventory: { site: sites[0].site, ...sections },
    origins,
    problems,
    rejectedNames,
    rejectedSections,
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
