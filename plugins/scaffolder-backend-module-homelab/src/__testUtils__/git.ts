import { execFileSync } from 'node:child_process';

/**
 * Runs git in `cwd` and returns what it printed. Commits carry a test
 * identity, so no global git configuration is needed.
 */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    // A 500-app repository lists thousands of files.
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Homelab tests',
      GIT_AUTHOR_EMAIL: 'tests@homelab.invalid',
      GIT_COMMITTER_NAME: 'Homelab tests',
      GIT_COMMITTER_EMAIL: 'tests@homelab.invalid',
    },
  });
}
