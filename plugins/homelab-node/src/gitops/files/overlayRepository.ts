import { RepositoryFiles, repositoryPath } from './RepositoryFiles';

/**
 * The repository as it would be with `changes` written: what an action
 * plans is rendered and checked before anything touches the disk.
 */
export function overlayRepository(
  base: RepositoryFiles,
  changes: ReadonlyMap<string, string>,
): RepositoryFiles {
  return {
    locate: base.locate?.bind(base),
    async read(file) {
      const key = repositoryPath('', file);
      return changes.has(key) ? changes.get(key) : base.read(file);
    },
    async list(folder) {
      const prefix = repositoryPath('', folder);
      const listed = new Map(
        ((await base.list(folder)) ?? []).map(e => [e.name, e.isFolder]),
      );
      let found = listed.size > 0 || (await base.list(folder)) !== undefined;
      for (const file of changes.keys()) {
        if (prefix && !file.startsWith(`${prefix}/`)) continue;
        const [name, ...below] = (
          prefix ? file.slice(prefix.length + 1) : file
        ).split('/');
        listed.set(name, listed.get(name) || below.length > 0);
        found = true;
      }
      return found
        ? [...listed].map(([name, isFolder]) => ({ name, isFolder }))
        : undefined;
    },
  };
}
