import { INVENTORY_API_VERSION } from '@homelab/plugin-homelab-common';
import { Document, parseAllDocuments } from 'yaml';
import { formatPath } from '../problems';
import { YAML_OPTIONS } from '../yaml/yamlOptions';
import { planMigration } from './planMigration';

/** What migrating one file changed and what it leaves to its owner, as lines to print. */
interface FileMigration {
  /** The migrated text; the same text when nothing changed. */
  text: string;
  /** "document 1: devices[3].vcpus: set to 4 (the cores of a virtual machine are its vCPUs)". */
  changes: string[];
  /** Facts the new version reads differently, for the owner to decide. */
  notes: string[];
}

const valueText = (value: unknown) =>
  typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * Migrates the homelab.dev/v1alpha1 documents of a file's text to
 * homelab.dev/v1alpha2, keeping comments and layout of everything it does not
 * change. A file with YAML errors is left as it is: the validator says why.
 */
export function migrateInventoryText(text: string): FileMigration {
  const documents = parseAllDocuments(text, {
    ...YAML_OPTIONS,
    merge: false,
  }) as Document[];
  const result: FileMigration = { text, changes: [], notes: [] };
  let structural = false;
  if (documents.some(document => document.errors.length > 0)) return result;
  documents.forEach((document, index) => {
    const where = documents.length > 1 ? `document ${index + 1}: ` : '';
    const plan = planMigration(document.toJS());
    for (const change of plan.changes) {
      if (change.path.join('.') !== 'apiVersion') structural = true;
      if ('remove' in change) {
        document.deleteIn(change.path);
        result.changes.push(
          `${where}${formatPath(change.path)}: removed (${change.reason})`,
        );
      } else {
        document.setIn(change.path, change.set);
        result.changes.push(
          `${where}${formatPath(change.path)}: set to ${valueText(
            change.set,
          )} (${change.reason})`,
        );
      }
    }
    for (const note of plan.notes) {
      result.notes.push(`${where}${formatPath(note.path)}: ${note.message}`);
    }
  });
  if (result.changes.length === 0) return result;
  if (structural) {
    result.text = documents.map(document => document.toString()).join('');
    result.notes.push(
      'the file was written again by the YAML library: its comments stay, but long lines and flow lists may be laid out anew; check the diff',
    );
  } else {
    // Only the version changes: every other byte of the file stays.
    result.text = text.replace(
      /^apiVersion:([ \t]*)['"]?homelab\.dev\/v1alpha1['"]?[ \t]*$/gm,
      `apiVersion:$1${INVENTORY_API_VERSION}`,
    );
  }
  return result;
}
