import { InputError } from '@backstage/errors';
import { LineCounter, parseAllDocuments } from 'yaml';

/**
 * One YAML document of a file in the repository.
 *
 * @public
 */
export interface ManifestDocument {
  file: string;
  /** 0-based index among the file's documents, empty ones included. */
  index: number;
  object: any;
}

/**
 * Parsed files by text, so the many renders of one promotion or deployment
 * (and successive runs in one backend) parse each unchanged file once.
 * Bounded; callers get copies, since builds change the objects they patch.
 */
const parsed = new Map<string, ManifestDocument[]>();
const MAX_PARSED = 20_000;

/**
 * The documents of a YAML file, empty ones left out (as kustomize does). A
 * file that is not valid YAML is refused with every error's line, so nobody
 * acts on half a file.
 */
export function parseManifests(file: string, text: string): ManifestDocument[] {
  const key = `${file}\u0000${text}`;
  let documents = parsed.get(key);
  if (!documents) {
    documents = parseText(file, text);
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, documents);
  }
  return documents.map(d => ({ ...d, object: structuredClone(d.object) }));
}

function parseText(file: string, text: string): ManifestDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  const list = Array.isArray(documents) ? documents : [documents];
  const errors = list.flatMap(document => document.errors);
  if (errors.length) {
    throw new InputError(
      errors
        .map(error => {
          const { line } = lineCounter.linePos(error.pos[0]);
          return `${file}:${line}: ${error.message.split('\n')[0]}`;
        })
        .join('; '),
    );
  }
  return list.flatMap((document, index) => {
    const object = document.toJS({ maxAliasCount: 1000 });
    return object === null || object === undefined
      ? []
      : [{ file, index, object }];
  });
}
