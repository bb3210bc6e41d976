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
 * The documents of a YAML file, empty ones left out (as kustomize does). A
 * file that is not valid YAML is refused with every error's line, so nobody
 * acts on half a file.
 */
export function parseManifests(file: string, text: string): ManifestDocument[] {
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
