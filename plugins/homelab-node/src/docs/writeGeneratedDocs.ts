import fs from 'node:fs/promises';
import path from 'node:path';
import { GeneratedDocsFile } from './generateInventoryDocs';
import { GENERATED_MARK } from './markdown';

/**
 * What writing generated docs did, or would do, per file (paths relative to
 * the output folder).
 *
 * @public
 */
export interface GeneratedDocsWrite {
  /** New or changed files. */
  written: string[];
  /** Files that already had this content. */
  unchanged: string[];
  /** Files that exist without the generated mark: never replaced, and nothing is written while there are any. */
  conflicts: string[];
}

/**
 * Writes generated docs into `dir`, replacing only files the generator wrote
 * before (they carry its mark). A hand-written file in the way stops the
 * whole write, so a docs folder is never left half generated. With
 * `dryRun`, reports what it would do and writes nothing: a CI check that the
 * committed docs are current is a dry run that must write nothing.
 *
 * @public
 */
export async function writeGeneratedDocs(
  dir: string,
  files: GeneratedDocsFile[],
  options: { dryRun?: boolean } = {},
): Promise<GeneratedDocsWrite> {
  const result: GeneratedDocsWrite = {
    written: [],
    unchanged: [],
    conflicts: [],
  };
  for (const file of files) {
    const target = path.resolve(dir, file.path);
    let existing: string | undefined;
    try {
      existing = await fs.readFile(target, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (existing === file.content) result.unchanged.push(file.path);
    else if (existing !== undefined && !existing.includes(GENERATED_MARK))
      result.conflicts.push(file.path);
    else result.written.push(file.path);
  }
  if (options.dryRun || result.conflicts.length) return result;
  for (const file of files) {
    if (!result.written.includes(file.path)) continue;
    const target = path.resolve(dir, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content);
  }
  return result;
}
