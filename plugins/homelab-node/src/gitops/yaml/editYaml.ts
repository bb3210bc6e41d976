import { InputError } from '@backstage/errors';
import {
  Document,
  isAlias,
  isMap,
  isScalar,
  parseAllDocuments,
  Scalar,
  stringify,
} from 'yaml';

/**
 * A value to set in a YAML file: in document `document`, at `path`; inside
 * the inline patch text held at `inlineAt` when set.
 *
 * @public
 */
export interface YamlEdit {
  document: number;
  path: Array<string | number>;
  inlineAt?: Array<string | number>;
  value: string;
}

/** A scalar's source text for `value`, in the style the old one was written in. */
function scalarSource(old: Scalar | undefined, value: string): string {
  if (old?.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (old?.type === Scalar.QUOTE_SINGLE)
    return `'${value.replace(/'/g, "''")}'`;
  // Plain when YAML reads it back as this string; quoted when it would read
  // a number or a boolean (6.10 is the number 6.1).
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function documentsOf(file: string, text: string) {
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [documents];
  const errors = list.flatMap(d => d.errors);
  if (errors.length)
    throw new InputError(`${file} is not valid YAML: ${errors[0].message}`);
  return list as Document.Parsed[];
}

/** Sets one value, changing only its bytes when it exists. */
function setValue(
  file: string,
  text: string,
  edit: Omit<YamlEdit, 'inlineAt'>,
): string {
  const documents = documentsOf(file, text);
  const document = documents[edit.document];
  if (!document)
    throw new InputError(`${file} has no document ${edit.document + 1}`);
  const node = document.getIn(edit.path, true);
  if (isAlias(node)) {
    throw new InputError(
      `${file}: ${edit.path.join('.')} is a YAML alias (*${
        node.source
      }); edit its anchor instead`,
    );
  }
  if (isScalar(node) && node.range) {
    const [start, end] = node.range;
    return `${text.slice(0, start)}${scalarSource(
      node,
      edit.value,
    )}${text.slice(end)}`;
  }
  if (node !== undefined) {
    throw new InputError(
      `${file}: ${edit.path.join('.')} holds a map or list, not a version`,
    );
  }
  // A new field: the document is written again by the YAML library, which
  // keeps comments; other documents of the file keep their bytes.
  if (!isMap(document.contents)) {
    throw new InputError(
      `${file}: document ${edit.document + 1} is not a mapping`,
    );
  }
  document.setIn(edit.path, edit.value);
  const start = edit.document === 0 ? 0 : documents[edit.document - 1].range[2];
  const end = document.range[2];
  return `${text.slice(0, start)}${document.toString({
    lineWidth: 0,
  })}${text.slice(end)}`;
}

/** Sets a value inside an inline patch: a literal block scalar holding YAML. */
function setInlineValue(file: string, text: string, edit: YamlEdit): string {
  const documents = documentsOf(file, text);
  const holder = documents[edit.document]?.getIn(edit.inlineAt!, true);
  if (
    !isScalar(holder) ||
    holder.type !== Scalar.BLOCK_LITERAL ||
    !holder.range
  ) {
    throw new InputError(
      `${file}: ${edit.inlineAt!.join(
        '.',
      )} is not a patch written as a literal block (|), so it is not edited`,
    );
  }
  const inner = setValue(
    `${file} (${edit.inlineAt!.join('.')})`,
    String(holder.value),
    {
      document: 0,
      path: edit.path,
      value: edit.value,
    },
  );
  const [start, end] = holder.range;
  const source = text.slice(start, end);
  const headerEnd = source.indexOf('\n');
  const body = source.slice(headerEnd + 1);
  const indent = body.match(/^( *)\S/m)?.[1] ?? '  ';
  const trailing = body.match(/\n*$/)![0];
  const lines = inner.replace(/\n+$/, '').split('\n');
  const rewritten = `${source.slice(0, headerEnd + 1)}${lines
    .map(line => (line ? `${indent}${line}` : line))
    .join('\n')}${trailing || (end < text.length ? '\n' : '')}`;
  return `${text.slice(0, start)}${rewritten}${text.slice(end)}`;
}

/**
 * The file's text with the edits made. An existing value keeps its quoting
 * and every other byte of the file; a new one is added with the file's
 * comments kept.
 *
 * @public
 */
export function applyYamlEdits(
  file: string,
  text: string,
  edits: YamlEdit[],
): string {
  return edits.reduce(
    (current, edit) =>
      edit.inlineAt
        ? setInlineValue(file, current, edit)
        : setValue(file, current, edit),
    text,
  );
}
