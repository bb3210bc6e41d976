import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git } from './git';

/**
 * A GitOps repository made from a folder (a fixture reproducing an upstream
 * repository), pushed to a bare repository, and cloned into a fresh
 * scaffolder workspace as `gitops`, as fetch:plain or a clone would leave it.
 */
export function gitopsWorkspace(source: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-gitops-'));
  const bare = path.join(root, 'gitops.git');
  git(root, 'init', '--bare', '-q', '-b', 'main', bare);
  const seed = path.join(root, 'seed');
  fs.cpSync(source, seed, {
    recursive: true,
    filter: file => !/(^|\/)SOURCE\.md$/.test(file),
  });
  git(seed, 'init', '-q', '-b', 'main');
  git(seed, 'add', '.');
  git(seed, 'commit', '-q', '-m', 'seed');
  git(seed, 'push', '-q', bare, 'main');
  const clone = () => {
    const workspace = fs.mkdtempSync(path.join(root, 'workspace-'));
    git(workspace, 'clone', '-q', bare, 'gitops');
    return workspace;
  };
  /** Commits everything in a workspace's checkout and pushes it. */
  const push = (workspace: string, message: string) => {
    const repo = path.join(workspace, 'gitops');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', message);
    git(repo, 'push', '-q', 'origin', 'main');
  };
  return {
    root,
    bare,
    clone,
    push,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Every file of a checkout but .git, with its text. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}
