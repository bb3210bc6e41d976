import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** What the test calls the backend with, as an external service would. */
const CALLER_TOKEN = 'module-test-caller-token-0123456789';

/** A free port of 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

async function ready(url: string, child: ChildProcess, log: () => string) {
  for (const started = Date.now(); Date.now() - started < 90_000; ) {
    if (child.exitCode !== null) {
      throw new Error(`the backend exited (${child.exitCode}):\n${log()}`);
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`the backend did not become ready:\n${log()}`);
}

/**
 * Starts a Backstage backend with the Kubernetes plugin and this module in
 * a Node.js process of its own, with `config` over a minimal backend
 * config. `fetch` calls it as an external service with a static token.
 */
export async function startRealNodeBackend(config: object) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-k8s-backend-'));
  const configFile = path.join(dir, 'app-config.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: {
        baseUrl,
        listen: { port, host: '127.0.0.1' },
        database: { client: 'better-sqlite3', connection: ':memory:' },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: CALLER_TOKEN, subject: 'module-test' },
            },
          ],
        },
      },
      ...config,
    }),
  );
  let output = '';
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, 'realNodeBackend.ts'),
      '--config',
      configFile,
    ],
    {
      // The backend looks for its package upwards from here.
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, NODE_OPTIONS: '--no-experimental-strip-types' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', chunk => (output += chunk));
  child.stderr!.on('data', chunk => (output += chunk));
  await ready(`${baseUrl}/.backstage/health/v1/readiness`, child, () => output);
  return {
    baseUrl,
    log: () => output,
    fetch: (route: string, init: RequestInit = {}) =>
      fetch(`${baseUrl}${route}`, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${CALLER_TOKEN}` },
      }),
    async stop() {
      child.kill('SIGTERM');
      await new Promise(resolve => child.once('exit', resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
