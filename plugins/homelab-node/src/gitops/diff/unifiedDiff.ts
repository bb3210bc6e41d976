import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of one file, as git shows it (`--- a/...`, `+++ b/...`,
 * hunks with line ranges and three lines of context); a new file is diffed
 * against /dev/null. Empty when nothing changed.
 *
 * @public
 */
export function unifiedDiff(
  file: string,
  before: string | undefined,
  after: string,
): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${file}`,
    `b/${file}`,
    before ?? '',
    after,
    undefined,
    undefined,
    { context: 3 },
  );
  // The diff package starts with an "Index:"-less "====" header line.
  return patch.replace(/^={10,}\n/m, '');
}
