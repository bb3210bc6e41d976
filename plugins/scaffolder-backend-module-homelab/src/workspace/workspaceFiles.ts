import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveInside } from '../paths/resolveInside';

/** A file an action wants in the workspace. */
interface PlannedFile {
  /** Relative to the workspace. */
  path: string;
  content: string;
}

/** What writing did. */
// A type rather than an interface, so it is a JsonObject for ctx.checkpoint.
type WriteResult = {
  created: string[];
  updated: string[];
  unchanged: string[];
};

/** A path inside the workspace, refusing anything that would leave it. */
function insideWorkspace(root: string, relative: string): string {
  return resolveInside(root, relative, `${relative} is outside the workspace`);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes the planned files, or none of them: a new file that already exists
 * with other content is never overwritten, and every such conflict is
 * reported at once. Identical files are left alone, so running an action
 * twice changes nothing.
 */
export async function writeWorkspaceFiles(
  root: string,
  files: PlannedFile[],
): Promise<WriteResult> {
  const result: WriteResult = { created: [], updated: [], unchanged: [] };
  const conflicts: string[] = [];
  const writes: Array<{ full: string; content: string }> = [];
  for (const file of files) {
    const full = insideWorkspace(root, file.path);
    const existing = await readIfExists(full);
    if (existing === file.content) {
      result.unchanged.push(file.path);
    } else if (existing !== undefined) {
      conflicts.push(file.path);
    } else {
      (existing === undefined ? result.created : result.updated).push(
        file.path,
      );
      writes.push({ full, content: file.content });
    }
  }
  if (conflicts.length) {
    throw new InputError(
      `These files already exist with other content and were not overwritten (nothing was written): ${conflicts.join(
        ', ',
      )}`,
    );
  }
  for (const { full, content } of writes) {
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content);
  }
  return result;
}
