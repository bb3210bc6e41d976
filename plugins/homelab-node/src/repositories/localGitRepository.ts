import { InputError } from '@backstage/errors';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  memoryRepository,
  RepositoryFiles,
} from '../gitops/files/RepositoryFiles';
import { HomelabRepository } from './HomelabRepository';

const execFileAsync = promisify(execFile);

/**
 * Who commits: the template's user, as Backstage knows them.
 *
 * @public
 */
export interface CommitAuthor {
  /** Their display name. */
  name: string;
  /** Their email address. */
  email: string;
}

async function git(
  cwd: string,
  args: string[],
  author?: CommitAuthor,
): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, {
      cwd,
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        ...(author
          ? {
              GIT_AUTHOR_NAME: author.name,
              GIT_AUTHOR_EMAIL: author.email,
              GIT_COMMITTER_NAME: author.name,
              GIT_COMMITTER_EMAIL: author.email,
            }
          : {}),
      },
    });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error(
        'git is not installed on the backend; local repositories need it',
      );
    }
    throw new Error(
      `git ${args[0]} failed: ${String(e.stderr ?? e.message).trim()}`,
    );
  }
}

/**
 * Creates a local repository from its seed folder when it does not exist: a
 * bare repository with one commit on its branch, the seed placed where the
 * repository keeps it (an inventory repository's inventory folder, the root
 * otherwise). Does nothing when it exists; returns whether it created it.
 *
 * @public
 */
export async function seedLocalRepository(
  repository: Pick<HomelabRepository, 'local' | 'branch' | 'path'>,
): Promise<boolean> {
  const local = repository.local!;
  const { branch } = repository;
  if (fs.existsSync(local.gitDir)) return false;
  if (!local.seedFrom) {
    throw new InputError(
      `The local repository ${local.gitDir} does not exist, and no seedFrom folder is configured to create it`,
    );
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-seed-'));
  const author = { name: 'Homelab Platform', email: 'homelab@localhost' };
  try {
    fs.cpSync(local.seedFrom, path.join(work, repository.path ?? '.'), {
      recursive: true,
    });
    await git(work, ['init', '-q', '-b', branch]);
    await git(work, ['add', '-A']);
    await git(
      work,
      ['commit', '-q', '-m', `Seed from ${path.basename(local.seedFrom)}`],
      author,
    );
    fs.mkdirSync(path.dirname(local.gitDir), { recursive: true });
    // Made aside and renamed, so a crash never leaves a half-made repository.
    const staging = `${local.gitDir}.seeding-${process.pid}`;
    await git(work, ['init', '-q', '--bare', '-b', branch, staging]);
    await git(work, ['push', '-q', staging, `${branch}:${branch}`]);
    fs.renameSync(staging, local.gitDir);
    return true;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Clones the local repository's branch into `target`.
 *
 * @public
 */
export async function cloneLocalRepository(
  gitDir: string,
  branch: string,
  target: string,
): Promise<void> {
  if (!fs.existsSync(gitDir))
    throw new InputError(`The local repository ${gitDir} does not exist`);
  await git(path.dirname(target), [
    'clone',
    '-q',
    '--branch',
    branch,
    gitDir,
    target,
  ]);
}

/**
 * Commits everything changed in a clone and pushes it to `branch` of its
 * origin: what was committed and its diff, or undefined when nothing changed.
 *
 * @public
 */
export async function commitToLocalRepository(
  workdir: string,
  branch: string,
  message: string,
  author: CommitAuthor,
): Promise<{ commit: string; diff: string } | undefined> {
  await git(workdir, ['add', '-A']);
  if (!(await git(workdir, ['status', '--porcelain'])).trim()) return undefined;
  await git(workdir, ['commit', '-q', '-m', message], author);
  await git(workdir, ['push', '-q', 'origin', `HEAD:${branch}`]);
  const commit = (await git(workdir, ['rev-parse', 'HEAD'])).trim();
  const diff = await git(workdir, ['show', '--format=', '--patch', 'HEAD']);
  return { commit, diff };
}

/**
 * The files of a branch of the local repository, read from git without a
 * checkout: what the promotion preview reads.
 *
 * @public
 */
export async function readLocalRepository(
  gitDir: string,
  branch: string,
): Promise<RepositoryFiles> {
  if (!fs.existsSync(gitDir))
    throw new InputError(`The local repository ${gitDir} does not exist`);
  const listing = await git(gitDir, [
    'ls-tree',
    '-r',
    '-z',
    '--full-tree',
    branch,
  ]);
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const [meta, file] = line.split('\t');
      const [mode, type, object] = meta.split(' ');
      return { mode, type, object, file };
    })
    // Symbolic links (mode 120000) are not followed out of the repository.
    .filter(
      e =>
        e.type === 'blob' &&
        e.mode !== '120000' &&
        /\.ya?ml$|(^|\/)Kustomization$/.test(e.file),
    );
  const texts = await catFiles(
    gitDir,
    entries.map(e => e.object),
  );
  const files: Record<string, string> = {};
  entries.forEach((e, index) => {
    files[e.file] = texts[index];
  });
  return memoryRepository(files);
}

/** The contents of blobs, read by one `git cat-file --batch`. */
function catFiles(gitDir: string, objects: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: gitDir });
    const chunks: Buffer[] = [];
    child.stdout.on('data', chunk => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) {
        reject(new Error(`git cat-file failed with ${code}`));
        return;
      }
      // Each answer: "<object> blob <size>\n<size bytes>\n".
      const output = Buffer.concat(chunks);
      const texts: string[] = [];
      let at = 0;
      for (let i = 0; i < objects.length; i++) {
        const headerEnd = output.indexOf(0x0a, at);
        const size = Number(
          output.subarray(at, headerEnd).toString().split(' ')[2],
        );
        texts.push(
          output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'),
        );
        at = headerEnd + 1 + size + 1;
      }
      resolve(texts);
    });
    child.stdin.end(`${objects.join('\n')}\n`);
  });
}
