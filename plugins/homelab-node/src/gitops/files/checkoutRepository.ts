import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import { RepositoryFiles, repositoryPath } from './RepositoryFiles';

/** Larger files are not Kubernetes manifests anyone edits by hand. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The absolute path of a file of the checkout at `root`, through
 * resolveSafeChildPath, which follows symbolic links: a link committed in the
 * repository (`apps -> /etc`) cannot lead a read or a write outside it.
 *
 * @public
 */
export function checkoutPath(root: string, file: string): string {
  const relative = repositoryPath('', file);
  try {
    return resolveSafeChildPath(root, relative || '.');
  } catch {
    throw new InputError(
      `${relative} leads outside the repository (through a symbolic link or ..), so it is neither read nor written`,
    );
  }
}

/**
 * A repository checked out on disk, such as the scaffolder's workspace.
 * Files are read synchronously: rendering a repository reads thousands of
 * small files one after another, and waiting on the thread pool for each
 * cost more than the reads themselves (measured in npm run bench).
 *
 * @public
 */
export function checkoutRepository(root: string): RepositoryFiles {
  // Each path is checked once per checkout: a render asks for the same
  // folders many times, and every check resolves links on disk.
  const checked = new Map<string, string>();
  const safePath = (file: string) => {
    let full = checked.get(file);
    if (full === undefined) {
      full = checkoutPath(root, file);
      checked.set(file, full);
    }
    return full;
  };
  const missing = (error: unknown) =>
    ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code!);
  return {
    async read(file) {
      const full = safePath(file);
      try {
        const stat = fs.statSync(full);
        if (!stat.isFile()) return undefined;
        if (stat.size > MAX_FILE_BYTES) {
          throw new InputError(
            `${file} is ${stat.size} bytes, more than the ${MAX_FILE_BYTES} a manifest may have`,
          );
        }
        return fs.readFileSync(full, 'utf8');
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async list(folder) {
      const full = safePath(folder);
      try {
        const entries = fs.readdirSync(full, { withFileTypes: true });
        const listed = [];
        for (const entry of entries) {
          if (entry.name === '.git') continue;
          let isFolder = entry.isDirectory();
          if (entry.isSymbolicLink()) {
            // Refused here already when it leads outside.
            const target = safePath(
              folder ? `${folder}/${entry.name}` : entry.name,
            );
            isFolder =
              fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() ??
              false;
          }
          listed.push({ name: entry.name, isFolder });
        }
        return listed;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
  };
}
