import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A local HTTPS server that speaks the part of GitHub's REST API that
 * Backstage's GitHub URL reader uses to read a repository (repository,
 * combined commit status, tarball), answering from real bare git
 * repositories on disk. GitHub itself cannot be reached where the tests
 * run; a GitHub Enterprise integration pointed at this server
 * ({@link GithubApiTestServer.integration}) reads the repositories as it
 * would read github.com. Its certificate is signed by the test CA in
 * {@link GithubApiTestServer.caPem}.
 *
 * @public
 */
export class GithubApiTestServer {
  /** The test CA that signed the server's certificate, PEM. */
  static readonly caPem = fs.readFileSync(
    resolvePackagePath(
      '@homelab/plugin-homelab-node',
      'test-fixtures/tls/ca.crt',
    ),
    'utf8',
  );

  /**
   * Starts a server for the given repositories.
   *
   * @param repositories - bare git repositories by "owner/name"
   * @param token - the token requests must carry
   */
  static async start(
    repositories: Record<string, string>,
    token: string,
  ): Promise<GithubApiTestServer> {
    const tls = resolvePackagePath(
      '@homelab/plugin-homelab-node',
      'test-fixtures/tls',
    );
    const server = new GithubApiTestServer(repositories, token);
    server.server = https.createServer(
      {
        key: fs.readFileSync(path.join(tls, 'server.key')),
        cert: fs.readFileSync(path.join(tls, 'server.crt')),
      },
      (req, res) => server.answer(req.method!, req.url!, req.headers, res),
    );
    await new Promise<void>(resolve =>
      server.server!.listen(0, '127.0.0.1', resolve),
    );
    return server;
  }

  /** Requests received, as "METHOD path". */
  readonly requests: string[] = [];
  private server?: https.Server;

  private constructor(
    private readonly repositories: Record<string, string>,
    private readonly token: string,
  ) {}

  /** "localhost:<port>", the host of the integration and of repository URLs. */
  get host(): string {
    return `localhost:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The `integrations.github` entry that reads from this server. */
  get integration() {
    return {
      host: this.host,
      apiBaseUrl: `https://${this.host}/api/v3`,
      token: this.token,
    };
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    await new Promise(resolve => this.server?.close(resolve));
  }

  private answer(
    method: string,
    url: string,
    headers: Record<string, string | string[] | undefined>,
    res: import('node:http').ServerResponse,
  ) {
    this.requests.push(`${method} ${url}`);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    // GitHub takes both schemes; Backstage sends Bearer.
    if (
      headers.authorization !== `Bearer ${this.token}` &&
      headers.authorization !== `token ${this.token}`
    ) {
      json(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const match = /^\/api\/v3\/repos\/([^/]+)\/([^/?]+)(\/[^?]*)?/.exec(url);
    const fullName = match && `${match[1]}/${match[2]}`;
    const gitDir = fullName ? this.repositories[fullName] : undefined;
    if (method !== 'GET' || !match || !gitDir) {
      json(404, { message: 'Not Found' });
      return;
    }
    const git = (...args: string[]) =>
      execFileSync('git', ['--git-dir', gitDir, ...args], {
        maxBuffer: 512 * 1024 * 1024,
      });
    const apiRepo = `https://${this.host}/api/v3/repos/${fullName}`;
    const repository = {
      full_name: fullName,
      name: match[2],
      owner: { login: match[1] },
      default_branch: git('symbolic-ref', '--short', 'HEAD').toString().trim(),
      archive_url: `${apiRepo}/{archive_format}{/ref}`,
      trees_url: `${apiRepo}/git/trees{/sha}`,
    };
    const rest = match[3] ?? '';
    const resolve = (ref: string) => {
      try {
        return git('rev-parse', '--verify', `${ref}^{commit}`)
          .toString()
          .trim();
      } catch {
        return undefined;
      }
    };
    if (rest === '') {
      json(200, repository);
      return;
    }
    const status = /^\/commits\/(.+)\/status$/.exec(rest);
    if (status) {
      const sha = resolve(decodeURIComponent(status[1]));
      if (!sha) json(422, { message: `No commit found for SHA: ${status[1]}` });
      else
        json(200, {
          state: 'pending',
          sha,
          total_count: 0,
          statuses: [],
          repository,
        });
      return;
    }
    const tarball = /^\/tarball\/(.+)$/.exec(rest);
    if (tarball) {
      const sha = resolve(decodeURIComponent(tarball[1]));
      if (!sha) {
        json(404, { message: 'Not Found' });
        return;
      }
      // GitHub names the archive's one top-level folder owner-repo-shortsha.
      const archive = git(
        'archive',
        '--format=tar.gz',
        `--prefix=${match[1]}-${match[2]}-${sha.slice(0, 7)}/`,
        sha,
      );
      res.writeHead(200, { 'content-type': 'application/x-gzip' });
      res.end(archive);
      return;
    }
    json(404, { message: 'Not Found' });
  }
}

/**
 * Makes a bare git repository holding the files of `sourceDir` in one
 * commit on `branch`, for {@link GithubApiTestServer}.
 *
 * @public
 */
export function createBareRepository(
  sourceDir: string,
  bareDir: string,
  branch = 'main',
): string {
  const work = `${bareDir}.work`;
  fs.cpSync(sourceDir, work, { recursive: true });
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Homelab tests',
    GIT_AUTHOR_EMAIL: 'tests@homelab.invalid',
    GIT_COMMITTER_NAME: 'Homelab tests',
    GIT_COMMITTER_EMAIL: 'tests@homelab.invalid',
  };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env, stdio: 'pipe' });
  git(work, 'init', '-q', '-b', branch);
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', `Import ${path.basename(sourceDir)}`);
  git(work, 'clone', '-q', '--bare', work, bareDir);
  fs.rmSync(work, { recursive: true, force: true });
  return bareDir;
}
