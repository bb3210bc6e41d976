/**
 * One thing wrong with an inventory, located precisely enough to fix it.
 *
 * @public
 */
export interface InventoryProblem {
  /** Errors make the inventory invalid; warnings are advice. */
  severity: 'error' | 'warning';
  /** Stable id of the rule, like "address-outside-network". */
  rule: string;
  /** The file as the user named it: a path relative to the inventory, or a URL. */
  file: string;
  /** 1-based index of the YAML document, for files with several (`---`). */
  document?: number;
  /** Path inside the document, like "devices[3].interfaces[0].address"; empty for the whole file. */
  path: string;
  /** 1-based line in the file, when the problem is inside a readable document. */
  line?: number;
  /** 1-based column in that line. */
  column?: number;
  /** Plain-English reason. */
  message: string;
  /**
   * Where the inventory reference explains the field, like
   * "inventory-reference.md#networks": that page of the Homelab Platform
   * docs, also printed by `homelab-inventory reference`.
   */
  reference?: string;
}

/**
 * One step of a path inside a YAML document: a field name or a list index.
 *
 * @public
 */
export type PathSegment = string | number;

/**
 * Writes a path as people read it, like "devices[3].interfaces[0].address".
 *
 * @public
 */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : `${index === 0 ? '' : '.'}${segment}`,
    )
    .join('');
}

/**
 * Compiler-style, so editors and CI logs link straight to the line.
 *
 * @public
 */
export function formatProblem(problem: InventoryProblem): string {
  const position = problem.line
    ? `:${problem.line}${problem.column ? `:${problem.column}` : ''}`
    : '';
  const document = problem.document ? ` (document ${problem.document})` : '';
  const path = problem.path ? `${problem.path}: ` : '';
  const reference = problem.reference ? ` (see ${problem.reference})` : '';
  return `${problem.file}${position}${document}: ${problem.severity}: ${path}${problem.message} [${problem.rule}]${reference}`;
}

/**
 * The problems that are errors, formatted, one per line: what a refusal to
 * act on an invalid inventory says.
 *
 * @public
 */
export function formatErrors(problems: readonly InventoryProblem[]): string {
  return problems
    .filter(problem => problem.severity === 'error')
    .map(formatProblem)
    .join('\n');
}

/**
 * The number of problems that are errors.
 *
 * @public
 */
export function countErrors(problems: readonly InventoryProblem[]): number {
  return problems.filter(problem => problem.severity === 'error').length;
}
