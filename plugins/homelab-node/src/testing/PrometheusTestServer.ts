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
    private process: ChildProcess,
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
        // One block per 486 hours rather than per 2 hours: promtool reads
        // the whole input once per block (a month at one sample a minute
        // took 80 s in 2-hour blocks, under a second like this).
        '--max-block-duration=744h',
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
    return PrometheusTestServer.launch(directory, await freePort());
  }

  /** Starts Prometheus on the data of `directory`, and waits until it is ready. */
  private static async launch(
    directory: string,
    port: number,
  ): Promise<PrometheusTestServer> {
    const child = spawn(
      'prometheus',
      [
        `--config.file=${path.join(directory, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(directory, 'data')}`,
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

  /**
   * Records the recording rules of a Prometheus rule file (text) from `start`
   * to `end` as Prometheus would have at every evaluation of their group:
   * `promtool tsdb create-blocks-from rules` asks this server to evaluate
   * them, and the blocks it writes are loaded by restarting Prometheus on the
   * same port. A rule that reads another rule's results needs that rule
   * recorded by an earlier call; alerting rules are left out. Groups without
   * an interval are evaluated every minute, Prometheus's default.
   */
  async recordRules(rules: string, start: Date, end: Date): Promise<void> {
    // Always the same file: Prometheus offsets a group's evaluations by a
    // hash of its name and file, so a group recorded in several calls keeps
    // one phase, as in one Prometheus.
    const file = path.join(this.directory, 'rules.yml');
    fs.writeFileSync(file, rules);
    const blocks = fs.mkdtempSync(path.join(this.directory, 'blocks-'));
    const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));
    const recorded = spawnSync(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'rules',
        `--url=${this.url}`,
        `--start=${seconds(start)}`,
        `--end=${seconds(end)}`,
        `--output-dir=${blocks}`,
        '--eval-interval=60s',
        '--quiet',
        file,
      ],
      { encoding: 'utf8' },
    );
    if (recorded.status !== 0) {
      throw new Error(
        `promtool could not record the rules: ${
          recorded.stderr || recorded.stdout
        }`,
      );
    }
    await this.stopProcess();
    for (const block of fs.readdirSync(blocks)) {
      fs.renameSync(
        path.join(blocks, block),
        path.join(this.directory, 'data', block),
      );
    }
    fs.rmSync(blocks, { recursive: true, force: true });
    const restarted = await PrometheusTestServer.launch(
      this.directory,
      Number(new URL(this.url).port),
    );
    this.process = restarted.process;
  }

  /** Stops Prometheus and removes its data. */
  async stop(): Promise<void> {
    await this.stopProcess();
    fs.rmSync(this.directory, { recursive: true, force: true });
  }

  private async stopProcess(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise(resolve => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      await exited;
    }
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
