import { InputError } from '@backstage/errors';
import path from 'node:path';

/**
 * Read access to a GitOps repository, by paths relative to its root written
 * with forward slashes ("apps/staging/kustomization.yaml"). A checkout on
 * disk, or a tree read through Backstage's UrlReader, look the same.
 *
 * @public
 */
export interface RepositoryFiles {
  /** A file's text; undefined when there is no such file. */
  read(file: string): Promise<string | undefined>;
  /** A folder's entries; undefined when there is no such folder. */
  list(
    folder: string,
  ): Promise<Array<{ name: string; isFolder: boolean }> | undefined>;
  /**
   * Where a file of this view lives in the repository, for views whose paths
   * differ from it (an artifact Flux assembles from the repository's files).
   */
  locate?(file: string): string | undefined;
}

/**
 * `relative` taken from the folder `from`, as a path from the repository's
 * root; a path that would leave the repository is refused, whoever wrote it
 * (a template's input or a kustomization in the repository).
 */
export function repositoryPath(from: string, relative: string): string {
  if (path.posix.isAbsolute(relative)) {
    throw new InputError(
      `${relative} is an absolute path; paths in a GitOps repository are relative to it`,
    );
  }
  const joined = path.posix.normalize(path.posix.join(from || '.', relative));
  if (joined === '..' || joined.startsWith('../')) {
    throw new InputError(
      `${relative}${from ? ` (from ${from})` : ''} is outside the repository`,
    );
  }
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

/**
 * Files held in memory, as a tree read through the UrlReader gives them.
 *
 * @public
 */
export function memoryRepository(
  files: Record<string, string>,
): RepositoryFiles {
  const normalized = new Map(
    Object.entries(files).map(([file, text]) => [
      repositoryPath('', file),
      text,
    ]),
  );
  return {
    async read(file) {
      return normalized.get(repositoryPath('', file));
    },
    async list(folder) {
      const prefix = repositoryPath('', folder);
      const entries = new Map<string, boolean>();
      for (const file of normalized.keys()) {
        if (prefix && !file.startsWith(`${prefix}/`)) continue;
        const rest = prefix ? file.slice(prefix.length + 1) : file;
        const [name, ...below] = rest.split('/');
        entries.set(name, (entries.get(name) ?? false) || below.length > 0);
      }
      if (!entries.size) return undefined;
      return [...entries].map(([name, isFolder]) => ({ name, isFolder }));
    },
  };
}

/**
 * Reads each file once: planning a promotion reads the same kustomizations
 * for both environments.
 */
export function cachedRepository(files: RepositoryFiles): RepositoryFiles {
  const reads = new Map<string, Promise<string | undefined>>();
  const lists = new Map<
    string,
    Promise<Array<{ name: string; isFolder: boolean }> | undefined>
  >();
  return {
    locate: files.locate?.bind(files),
    read(file) {
      if (!reads.has(file)) reads.set(file, files.read(file));
      return reads.get(file)!;
    },
    list(folder) {
      if (!lists.has(folder)) lists.set(folder, files.list(folder));
      return lists.get(folder)!;
    },
  };
}
