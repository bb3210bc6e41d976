import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';
import { InventoryInputFile } from '../inventory/parseInventory';
import { InventoryProblem } from '../inventory/problems';

/**
 * The bad-input corpus in test-corpus/invalid: one inventory per file or
 * folder, each declaring the errors it must produce in comment lines
 *
 *   # expect: <rule> [@ <path>] [in <file>]
 *
 * (or in a sidecar <case>.expect file, for cases that are not text). Shared
 * by the validator's tests and the catalog provider's tests.
 */

/**
 * The folder of the bad-input corpus.
 *
 * @public
 */
export const INVALID_CORPUS_DIR = resolvePackagePath(
  '@homelab/plugin-homelab-node',
  'test-corpus/invalid',
);

/**
 * An error a corpus case must produce.
 *
 * @public
 */
export interface Expectation {
  /** The rule id of the error. */
  rule: string;
  /** Omitted: any path. */
  path?: string;
  /** Omitted: any file of the case. */
  file?: string;
}

/**
 * One invalid inventory of the corpus.
 *
 * @public
 */
export interface CorpusCase {
  /** The file or folder name, like "098-pool-overlaps-dhcp". */
  name: string;
  /** What is wrong with it, in words. */
  description: string;
  /** Its files. */
  files: InventoryInputFile[];
  /** The errors it must produce, no more and no less. */
  expected: Expectation[];
}

function parseExpectations(text: string): {
  description: string;
  expected: Expectation[];
} {
  const lines = text.split('\n').filter(line => line.startsWith('#'));
  const expected = lines
    .filter(line => line.startsWith('# expect:'))
    .map(line => {
      const match = /^# expect: (\S+)(?: @ ?(.*?))?(?: in (\S+))?$/.exec(
        line.trim(),
      );
      if (!match) throw new Error(`unreadable expectation: ${line}`);
      return {
        rule: match[1],
        ...(match[2] !== undefined ? { path: match[2] } : {}),
        ...(match[3] ? { file: match[3] } : {}),
      };
    });
  return { description: lines[0]?.replace(/^# /, '') ?? '', expected };
}

/**
 * Reads every case of the corpus, in name order.
 *
 * @public
 */
export function loadInvalidCorpus(): CorpusCase[] {
  const entries = fs.readdirSync(INVALID_CORPUS_DIR).sort();
  return entries
    .filter(entry => !entry.endsWith('.expect'))
    .map(entry => {
      const full = path.join(INVALID_CORPUS_DIR, entry);
      const name = entry.replace(/\.ya?ml$/, '');
      const files = fs.statSync(full).isDirectory()
        ? fs
            .readdirSync(full)
            .sort()
            .map(file => ({
              name: file,
              content: fs.readFileSync(path.join(full, file)),
            }))
        : [{ name: entry, content: fs.readFileSync(full) }];
      const sidecar = path.join(INVALID_CORPUS_DIR, `${name}.expect`);
      const declared = fs.existsSync(sidecar)
        ? fs.readFileSync(sidecar, 'utf8')
        : files[0].content.toString('utf8').replace(/^\uFEFF/, '');
      return { name, files, ...parseExpectations(declared) };
    });
}

/**
 * Compares the errors found with the expected ones: each expectation must be
 * met by its own error, and no error may be left over, so spurious follow-on
 * errors fail as surely as missing ones. Returns what does not match.
 *
 * @public
 */
export function unmetExpectations(
  corpusCase: CorpusCase,
  problems: InventoryProblem[],
): { missing: Expectation[]; unexpected: InventoryProblem[] } {
  const errors = problems.filter(problem => problem.severity === 'error');
  const remaining = [...errors];
  const missing: Expectation[] = [];
  const matches = (expectation: Expectation, problem: InventoryProblem) =>
    problem.rule === expectation.rule &&
    (expectation.path === undefined || problem.path === expectation.path) &&
    (expectation.file === undefined ||
      path.basename(problem.file) === expectation.file);
  for (const expectation of corpusCase.expected) {
    const index = remaining.findIndex(problem => matches(expectation, problem));
    if (index === -1) missing.push(expectation);
    else remaining.splice(index, 1);
  }
  // A YAML syntax error can produce several messages for one defect.
  const unexpected = remaining.filter(
    problem =>
      !corpusCase.expected.some(
        expectation =>
          expectation.path === undefined && matches(expectation, problem),
      ),
  );
  return { missing, unexpected };
}
