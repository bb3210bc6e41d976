import {
  INVENTORY_API_VERSION,
  INVENTORY_KIND,
  LEGACY_INVENTORY_API_VERSION,
  siteSchema,
} from '@homelab/plugin-homelab-common';
import { z } from 'zod';
import { InventoryCollection } from './InventoryCollection';
import { listSections, sectionSchemas } from './inventorySections';
import { applyMigration, planMigration } from './migration/planMigration';
import { ItemOrigin } from './sourceMap';
import { closestMatch } from './suggestions';
import { explainZodError } from './zodIssues';

const knownTopLevelKeys = ['apiVersion', 'kind', 'site', ...listSections];

/**
 * Adds one YAML document of an inventory to the collection: its site and the
 * items of its list sections that pass their schema, and a problem for every
 * one that does not. A document of the previous format version is converted
 * first, as `homelab-inventory migrate` would.
 */
export function collectDocument(
  data: unknown,
  root: ItemOrigin,
  collection: InventoryCollection,
) {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    collection.reportError(
      root,
      [],
      'schema',
      'an inventory file must be a YAML mapping with apiVersion, kind and sections',
    );
    collection.markUnreadable(root.source.name);
    return;
  }
  const record = data as Record<string, unknown>;
  collection.readDocuments++;
  if (!hasInventoryHeader(record, root, collection)) {
    collection.markUnreadable(root.source.name);
    return;
  }
  if (record.apiVersion === LEGACY_INVENTORY_API_VERSION) {
    applyMigration(record, planMigration(record));
    collection.legacyFiles.add(root.source.name);
  }
  reportUnknownSections(record, root, collection);
  if (record.site !== undefined) collectSite(record.site, root, collection);
  collectListSections(record, root, collection);
}

const READ_VERSIONS = [INVENTORY_API_VERSION, LEGACY_INVENTORY_API_VERSION];

/** Whether the document says it is an inventory file of a version this code reads. */
function hasInventoryHeader(
  record: Record<string, unknown>,
  root: ItemOrigin,
  collection: InventoryCollection,
): boolean {
  if (!READ_VERSIONS.includes(record.apiVersion as string)) {
    const expected = `"${INVENTORY_API_VERSION}" (files of "${LEGACY_INVENTORY_API_VERSION}" are read too)`;
    collection.reportError(
      root,
      record.apiVersion === undefined ? [] : ['apiVersion'],
      'api-version',
      record.apiVersion === undefined
        ? `"apiVersion" is required and must be ${expected}`
        : `apiVersion must be ${expected}, not "${String(record.apiVersion)}"`,
    );
    return false;
  }
  if (record.kind !== INVENTORY_KIND) {
    collection.reportError(
      root,
      record.kind === undefined ? [] : ['kind'],
      'kind',
      `"kind" must be "${INVENTORY_KIND}"${
        record.kind === undefined ? '' : `, not "${String(record.kind)}"`
      }`,
    );
    return false;
  }
  return true;
}

function reportUnknownSections(
  record: Record<string, unknown>,
  root: ItemOrigin,
  collection: InventoryCollection,
) {
  for (const key of Object.keys(record)) {
    if (!knownTopLevelKeys.includes(key)) {
      const suggestion = closestMatch(key, knownTopLevelKeys);
      collection.reportError(
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
}

function collectSite(
  value: unknown,
  root: ItemOrigin,
  collection: InventoryCollection,
) {
  collection.siteMentioned = true;
  const origin = { ...root, path: ['site'] };
  const result = siteSchema.safeParse(value, { reportInput: true });
  if (result.success) {
    collection.sites.push({ site: result.data, origin });
    return;
  }
  for (const issue of explainZodError(result.error, siteSchema)) {
    collection.reportError(
      origin,
      issue.path,
      'schema',
      issue.message,
      issue.atKey,
    );
  }
}

/**
 * Each item of each list section that passes its schema joins the
 * collection; one that does not is reported, and its name remembered so that
 * references to it are not also reported as unknown.
 */
function collectListSections(
  record: Record<string, unknown>,
  root: ItemOrigin,
  collection: InventoryCollection,
) {
  for (const section of listSections) {
    const value = record[section];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) {
      collection.reportError(
        root,
        [section],
        'schema',
        `"${section}" must be a list (items starting with "- ")`,
      );
      collection.rejectedSections.add(section);
      continue;
    }
    const schema: z.ZodType = sectionSchemas[section];
    value.forEach((item, index) => {
      const origin: ItemOrigin = { ...root, path: [section, index] };
      const result = schema.safeParse(item, { reportInput: true });
      if (result.success) {
        const parsed = result.data as object;
        collection.origins.set(parsed, origin);
        (collection.sections[section] as object[]).push(parsed);
        return;
      }
      const name = (item as { name?: unknown } | null)?.name;
      if (typeof name === 'string') collection.rejectedNames[section].add(name);
      for (const issue of explainZodError(result.error, schema)) {
        collection.reportError(
          origin,
          issue.path,
          'schema',
          issue.message,
          issue.atKey,
        );
      }
    });
  }
}
