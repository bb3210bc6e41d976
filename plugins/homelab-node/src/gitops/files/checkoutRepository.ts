import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
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
 *
 * @public
 */
export function checkoutRepository(root: string): RepositoryFiles {
  const missing = (error: unknown) =>
    ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code!);
  return {
    async read(file) {
      const full = checkoutPath(root, file);
      try {
        const stat = await fs.stat(full);
        if (!stat.isFile()) return undefined;
        if (stat.size > MAX_FILE_BYTES) {
          throw new InputError(
            `${file} is ${stat.size} bytes, more than the ${MAX_FILE_BYTES} a manifest may have`,
          );
        }
        return await fs.readFile(full, 'utf8');
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async list(folder) {
      const full = checkoutPath(root, folder);
      try {
        const entries = await fs.readdir(full, { withFileTypes: true });
        const listed = [];
        for (const entry of entries) {
          if (entry.name === '.git') continue;
          let isFolder = entry.isDirectory();
          if (entry.isSymbolicLink()) {
            // Refused here already when it leads outside.
            const target = checkoutPath(
              root,
              folder ? `${folder}/${entry.name}` : entry.name,
            );
            isFolder =
              (await fs.stat(target).catch(() => undefined))?.isDirectory() ??
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
