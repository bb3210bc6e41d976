/**
 * Reads the tables of a Markdown document back, for tests of the generated
 * docs: each table after a heading, as header cells and row cells.
 */
export interface MarkdownTable {
  /** The nearest heading above the table, like "## VLANs". */
  heading: string;
  headers: string[];
  rows: string[][];
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map(cell => cell.trim().replace(/\\\|/g, '|'));

export function markdownTables(markdown: string): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  let heading = '';
  let current: MarkdownTable | undefined;
  for (const line of markdown.split('\n')) {
    const trimmed = line.trim();
    if (/^#{1,6} /.test(trimmed)) {
      heading = trimmed;
      current = undefined;
    } else if (trimmed.startsWith('|')) {
      if (!current) {
        current = { heading, headers: cells(trimmed), rows: [] };
        tables.push(current);
      } else if (!/^\|[\s:|-]+\|$/.test(trimmed)) {
        current.rows.push(cells(trimmed));
      }
    } else {
      current = undefined;
    }
  }
  return tables;
}
