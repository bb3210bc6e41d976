import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The conformance corpus of real reports (test/fixtures/security, see its SOURCE.md). */
const SECURITY_CORPUS = path.resolve(
  __dirname,
  '../../../../../test/fixtures/security',
);

/**
 * The objects of a corpus file: every YAML document, a List's items one by
 * one, JSON as it is. A byte order mark is dropped, as the API server's
 * decoder drops it.
 */
export function corpusObjects<T = any>(file: string): T[] {
  const text = fs
    .readFileSync(path.join(SECURITY_CORPUS, file), 'utf8')
    .replace(/^\uFEFF/, '');
  if (file.endsWith('.json')) return [JSON.parse(text)];
  return parseAllDocuments(text)
    .map(document => document.toJS())
    .filter(Boolean)
    .flatMap((object: any) =>
      object.kind === 'List' ? object.items : [object],
    );
}

/** The corpus files under a folder, relative to the corpus. */
export function corpusFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(SECURITY_CORPUS, folder), { recursive: true })
    .map(String)
    .filter(file => /\.(ya?ml|json)$/.test(file))
    .map(file => path.join(folder, file))
    .sort();
}
