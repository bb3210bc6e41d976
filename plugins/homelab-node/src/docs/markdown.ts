/**
 * Markdown building blocks of the generated docs. Cells are escaped so an
 * inventory's free text can never break a table, and empty cells show a dash.
 */

/** What an empty cell shows. */
export const EMPTY = '—';

/** What a page says of a fact the inventory leaves out or gives as unknown: never a default. */
export const NOT_STATED = 'not stated';

type Cell = string | number | undefined | null;

/** Text made safe for a table cell: pipes escaped, line breaks flattened. */
function cellText(value: Cell, empty = EMPTY): string {
  if (value === undefined || value === null || value === '') return empty;
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/**
 * A Markdown table; empty cells, and those missing from rows shorter than the
 * headers, show `empty`.
 */
export function table(
  headers: string[],
  rows: Cell[][],
  empty = EMPTY,
): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(headers.map(header => cellText(header))),
    line(headers.map(() => '---')),
    ...rows.map(row => line(headers.map((_, i) => cellText(row[i], empty)))),
  ].join('\n');
}

/** An address or a range of them: "192.168.100.200 – 192.168.100.220". */
export function rangeText(range: { start: string; end?: string }): string {
  return range.end && range.end !== range.start
    ? `${range.start} – ${range.end}`
    : range.start;
}

/** A fenced Mermaid diagram, which the TechDocs addon of @homelab/plugin-homelab renders. */
export function mermaid(lines: string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n');
}

/** What every generated file starts with, so a writer knows it may replace it. */
export const GENERATED_MARK =
  'Generated from the homelab inventory by `homelab-inventory docs`. Edit the inventory, not this page.';

/** A page: a banner saying where it comes from, then its blocks, separated by blank lines. */
export function page(title: string, blocks: Array<string | undefined>): string {
  return `${[
    `<!-- ${GENERATED_MARK} -->`,
    `# ${title}`,
    ...blocks.filter((block): block is string => !!block),
  ].join('\n\n')}\n`;
}

/** "1 device", "3 devices". */
export function counted(count: number, noun: string, plural = `${noun}s`) {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** A Mermaid node id for an inventory name (letters, digits and underscores only). */
export function nodeId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** A quoted Mermaid label; quotes become #quot; and line breaks <br/>. */
export function label(...lines: Array<string | undefined>): string {
  return `"${lines
    .filter((line): line is string => !!line)
    .map(line => line.replace(/"/g, '#quot;'))
    .join('<br/>')}"`;
}
