import { Document, isMap, isPair, Pair, visit, YAMLMap, YAMLSeq } from 'yaml';

/** A change to a file's text: `[start, end)` replaced by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const lineStart = (text: string, at: number) =>
  text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end + 1;
};

/** The pair whose value is `seq`, for an empty list's `[]`. */
function pairOf(document: Document.Parsed, seq: YAMLSeq): Pair | undefined {
  let found: Pair | undefined;
  visit(document, {
    Pair(_, pair) {
      if (isPair(pair) && pair.value === seq) {
        found = pair as Pair;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The YAML of items appended to a block list, in the style of its last item
 * (a flow map like `{ name: rk1-4, ... }` when the list is written so, a
 * block map otherwise), indented as the list is.
 */
function itemsText(seq: YAMLSeq, items: object[], indent: string): string {
  const last = seq.items[seq.items.length - 1];
  const flow = isMap(last) && (last as YAMLMap).flow;
  return items
    .map(item => {
      const document = new Document(item);
      if (flow && isMap(document.contents)) document.contents.flow = true;
      const lines = document.toString({ lineWidth: 0 }).trimEnd().split('\n');
      return lines
        .map((line, i) => `${indent}${i === 0 ? '- ' : '  '}${line}`)
        .join('\n');
    })
    .map(text => `${text}\n`)
    .join('');
}

/**
 * The edits that append `items` to a block list and take out the items at
 * `removed`, touching no other byte of the file: every line of the file
 * that is not one of those items stays as written, comments and layout
 * included. Undefined when the list is not a block list with items (the
 * caller then writes the document again instead).
 */
export function listEdits(
  text: string,
  document: Document.Parsed,
  seq: YAMLSeq,
  items: object[],
  removed: Set<number>,
): TextEdit[] | undefined {
  if (seq.flow || !seq.items.length || !seq.range) return undefined;
  const edits: TextEdit[] = [];
  const ranges = seq.items.map(item => (item as { range?: number[] }).range);
  if (ranges.some(range => !range)) return undefined;
  const firstLine = lineStart(text, ranges[0]![0]);
  const indent = text.slice(firstLine, text.indexOf('-', firstLine));
  for (const index of removed) {
    const [start, valueEnd] = ranges[index]!;
    edits.push({
      start: lineStart(text, start),
      end: lineEnd(text, valueEnd - 1),
      text: '',
    });
  }
  const kept = seq.items.length - removed.size;
  if (items.length) {
    const lastEnd = lineEnd(text, ranges[ranges.length - 1]![1] - 1);
    edits.push({
      start: lastEnd,
      end: lastEnd,
      text: itemsText(seq, items, indent),
    });
  } else if (kept === 0) {
    // A list with no item left stays a list.
    const pair = pairOf(document, seq);
    const key = (pair?.key as { range?: number[] })?.range;
    if (!key) return undefined;
    const colon = text.indexOf(':', key[1]);
    edits.push({ start: colon + 1, end: colon + 1, text: ' []' });
  }
  return edits;
}

/** The text with the edits made; edits never overlap. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start || b.end - a.end)
    .reduce(
      (current, edit) =>
        `${current.slice(0, edit.start)}${edit.text}${current.slice(edit.end)}`,
      text,
    );
}
