import { RepositoryFiles, repositoryPath } from '../files/RepositoryFiles';

/**
 * One copy operation of an ArtifactGenerator artifact
 * (source.extensions.fluxcd.io/v1beta1), its `from` already known to point
 * into this repository.
 */
export interface ArtifactCopy {
  /** The path after `@alias/`, like "apps/base/**" or "apps/staging/". */
  from: string;
  /** The path after `@artifact/`, like "base/" or "" for the root. */
  to: string;
  exclude?: string[];
}

const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .split('**')
      .map(part =>
        part
          .split('*')
          .map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*'),
      )
      .join('.*')}$`,
  );

/** Whether `file` (relative to the copy's base) is excluded. */
function excluded(file: string, patterns: string[] = []): boolean {
  return patterns.some(pattern =>
    pattern.includes('/')
      ? globToRegExp(pattern).test(file)
      : globToRegExp(pattern).test(file.split('/').pop()!),
  );
}

/**
 * Where a copy puts a repository file in the artifact, with source-watcher's
 * cp-like rules (docs/spec/v1beta1/artifactgenerators.md): `dir/**` copies
 * the folder's contents, `dir/` the folder itself, `dir/*.yaml` matching
 * files, a file path that file; a `to` ending in "/" is a folder.
 */
function destination(copy: ArtifactCopy, file: string): string | undefined {
  const { from, to } = copy;
  const into = (name: string) =>
    to === '' || to.endsWith('/') ? `${to}${name}` : to;
  if (from.endsWith('/**')) {
    const base = from.slice(0, -3);
    if (!file.startsWith(`${base}/`)) return undefined;
    const rest = file.slice(base.length + 1);
    return excluded(rest, copy.exclude) ? undefined : `${to}${rest}`;
  }
  if (from.endsWith('/')) {
    const base = from.slice(0, -1);
    if (!file.startsWith(`${base}/`)) return undefined;
    const rest = file.slice(base.length + 1);
    if (excluded(rest, copy.exclude)) return undefined;
    return `${to}${base.split('/').pop()}/${rest}`;
  }
  if (from.includes('*')) {
    const prefix = from.slice(0, from.lastIndexOf('/', from.indexOf('*')) + 1);
    if (!globToRegExp(from).test(file)) return undefined;
    const rest = file.slice(prefix.length);
    return excluded(rest, copy.exclude)
      ? undefined
      : into(file.split('/').pop()!);
  }
  return file === from ? into(file.split('/').pop()!) : undefined;
}

/**
 * The files of an artifact an ArtifactGenerator assembles from this
 * repository, by their paths in the artifact; `locate` gives each one's path
 * in the repository, so edits land in the files the artifact is made of.
 * Later copies win over earlier ones, as in the controller.
 */
export async function artifactView(
  repo: RepositoryFiles,
  copies: ArtifactCopy[],
): Promise<RepositoryFiles> {
  const map = new Map<string, string>();
  const listAll = async (folder: string): Promise<string[]> => {
    const entries = (await repo.list(folder)) ?? [];
    const files: string[] = [];
    for (const entry of entries) {
      const full = repositoryPath(folder, entry.name);
      if (entry.isFolder) files.push(...(await listAll(full)));
      else files.push(full);
    }
    return files;
  };
  for (const copy of copies) {
    const head = copy.from.split('*')[0];
    const root = head.endsWith('/')
      ? head.slice(0, -1)
      : head.slice(0, Math.max(0, head.lastIndexOf('/')));
    for (const file of await listAll(root)) {
      const target = destination(copy, file);
      if (target !== undefined) map.set(target, file);
    }
  }
  const folders = new Map<string, Map<string, boolean>>();
  for (const target of map.keys()) {
    const parts = target.split('/');
    for (let i = 0; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (!folders.has(folder)) folders.set(folder, new Map());
      folders.get(folder)!.set(parts[i], i < parts.length - 1);
    }
  }
  return {
    locate: file => map.get(repositoryPath('', file)),
    async read(file) {
      const source = map.get(repositoryPath('', file));
      return source === undefined ? undefined : repo.read(source);
    },
    async list(folder) {
      const entries = folders.get(repositoryPath('', folder));
      return entries
        ? [...entries].map(([name, isFolder]) => ({ name, isFolder }))
        : undefined;
    },
  };
}
