import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real Prometheus (Debian's `prometheus` package) with history backfilled
 * from OpenMetrics text by `promtool tsdb create-blocks-from openmetrics`, on
 * a free port of 127.0.0.1, for tests that need real PromQL answers.
 *
 * The newest sample of the history should be at least three hours old (the
 * backfilled blocks must not overlap Prometheus's head block), and queries
 * should pass an explicit time inside the history.
 *
 * @public
 */
export class PrometheusTestServer {
  private constructor(
    /** The server's base URL. */
    readonly url: string,
    private readonly process: ChildProcess,
    private readonly directory: string,
  ) {}

  /**
   * Backfills `openMetrics` (text ending with "# EOF", timestamps in seconds)
   * and starts Prometheus on it.
   */
  static async start(openMetrics: string): Promise<PrometheusTestServer> {
    for (const binary of ['prometheus', 'promtool']) {
      if (spawnSync('which', [binary]).status !== 0) {
        throw new Error(
          `${binary} is not installed; install the Debian package "prometheus" (npm test does)`,
        );
      }
    }
    const directory = fs.mkdtempSync(
      path.join(os.tmpdir(), 'homelab-prometheus-'),
    );
    const data = path.join(directory, 'data');
    fs.writeFileSync(path.join(directory, 'history.om'), openMetrics);
    const backfill = spawnSync(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        path.join(directory, 'history.om'),
        data,
      ],
      { encoding: 'utf8' },
    );
    if (backfill.status !== 0) {
      throw new Error(
        `promtool could not backfill the history: ${
          backfill.stderr || backfill.stdout
        }`,
      );
    }
    fs.writeFileSync(
      path.join(directory, 'prometheus.yml'),
      'global:\n  scrape_interval: 1h\n',
    );

    const port = await freePort();
    const child = spawn(
      'prometheus',
      [
        `--config.file=${path.join(directory, 'prometheus.yml')}`,
        `--storage.tsdb.path=${data}`,
        '--storage.tsdb.retention.time=90d',
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    child.stderr!.on('data', chunk => {
      log = (log + chunk).slice(-4000);
    });
    const server = new PrometheusTestServer(
      `http://127.0.0.1:${port}`,
      child,
      directory,
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`prometheus exited with ${child.exitCode}: ${log}`);
      }
      const ready = await fetch(`${server.url}/-/ready`).then(
        r => r.ok,
        () => false,
      );
      if (ready) return server;
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`prometheus did not become ready within 60 s: ${log}`);
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }

  /** Stops Prometheus and removes its data. */
  async stop(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise(resolve => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
