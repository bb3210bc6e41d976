import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  memoryRepository,
  RepositoryFiles,
} from '../gitops/files/RepositoryFiles';
import { HomelabRepository } from './HomelabRepository';
import { readLocalRepository } from './localGitRepository';

/** Larger trees are not GitOps repositories anyone renders in a request. */
const MAX_FILES = 20_000;

/**
 * The files of a configured repository's branch, without a checkout: a
 * local repository through git, a remote one through the UrlReader (its
 * YAML files only).
 *
 * @public
 */
export async function readRepositoryFiles(
  repository: HomelabRepository,
  urlReader: UrlReaderService,
): Promise<RepositoryFiles> {
  if (repository.local) {
    return readLocalRepository(repository.local.gitDir, repository.branch);
  }
  const tree = await urlReader.readTree(repository.remote!.treeUrl, {
    filter: file => /\.ya?ml$|(^|\/)Kustomization$/.test(file),
  });
  const files: Record<string, string> = {};
  for (const file of await tree.files()) {
    if (Object.keys(files).length >= MAX_FILES) {
      throw new Error(
        `${repository.remote!.url} holds more than ${MAX_FILES} YAML files`,
      );
    }
    files[file.path] = (await file.content()).toString('utf8');
  }
  return memoryRepository(files);
}
