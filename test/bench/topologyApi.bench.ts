/*
 * The topology API of a generated estate (HOMELAB_BENCH_DEVICES devices,
 * 7,500 by default: about 10,000 entities) under 50 requests a second for
 * 30 seconds, sent at a fixed rate whatever the answers take (open loop),
 * from a process of its own (lib/openLoopLoad.js), asking for gzip as
 * browsers do.
 *
 * Two loads, one after the other: what the portal's topology page fetches
 * (the overview, workloads folded into their namespaces), then the whole
 * graph. The graph is rebuilt every 5 seconds (homelab.api.cacheSeconds; 30
 * by default), so each load spans several rebuilds; the answers' distinct
 * ETags count the builds served.
 *
 * A real backend (backend-defaults, SQLite) runs the homelab backend plugin;
 * its workload collector reads a generated snapshot of every cluster. The
 * catalog is served from memory with the inventory's entities, on a thread
 * of its own as a real catalog's queries run in its database (see
 * lib/catalogInWorker.ts), so what is measured is the homelab plugin, not
 * catalog ingestion (see inventoryIngestion.bench.ts for that).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGeneratedEstate } from './lib/generatedEstate';
import { reportResult, round, runBenchmark, timed } from './lib/report';

const DEVICES = Number(process.env.HOMELAB_BENCH_DEVICES ?? 7500);
const RATE = 50;
const SECONDS = 30;
const CACHE_SECONDS = 5;

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

interface Answer {
  ms: number;
  ok: boolean;
  etag?: string;
  error?: string;
}

function load(url: string) {
  return new Promise<{ results: Answer[]; seconds: number }>(
    (resolve, reject) => {
      const child = fork(path.join(__dirname, 'lib/openLoopLoad.js'), [
        url,
        String(RATE),
        String(SECONDS),
      ]);
      child.once('message', resolve as any);
      child.once('error', reject);
      child.once('exit', code => {
        if (code) reject(new Error(`the load generator exited with ${code}`));
      });
    },
  );
}

/** Latencies of one load, and what it was asked for. */
async function measure(url: string) {
  const cold = await timed(async () => (await fetch(url)).text());
  const graph = JSON.parse(cold.value) as {
    nodes: unknown[];
    edges: unknown[];
  };
  const { results, seconds } = await load(url);
  const sorted = results.map(r => r.ms).sort((a, b) => a - b);
  const errors = [...new Set(results.filter(r => r.error).map(r => r.error))];
  return {
    'graph nodes': graph.nodes.length,
    'graph edges': graph.edges.length,
    'JSON MB': round(Buffer.byteLength(cold.value) / 1e6, 2),
    'first request ms': round(cold.ms),
    requests: results.length,
    failures: results.filter(r => !r.ok).length,
    ...(errors.length ? { 'failure kinds': errors.join(', ') } : {}),
    'builds served': new Set(results.map(r => r.etag).filter(Boolean)).size,
    'p50 ms': round(percentile(sorted, 50)),
    'p95 ms': round(percentile(sorted, 95)),
    'p99 ms': round(percentile(sorted, 99)),
    'max ms': round(sorted[sorted.length - 1]),
    'achieved requests/s': round(results.length / seconds),
  };
}

async function main() {
  const work = fs.mkdtempSync(
    path.join(os.tmpdir(), 'homelab-topology-bench-'),
  );
  const estate = await startGeneratedEstate({
    devices: DEVICES,
    port: 7213,
    workDir: work,
    cacheSeconds: CACHE_SECONDS,
  });
  try {
    // The first build, before any load: the loads measure serving and rebuilds.
    const gzipped = await fetch(`${estate.api}/topology`);
    if (!gzipped.ok) throw new Error(`GET /topology: ${gzipped.status}`);
    if (gzipped.headers.get('content-encoding') !== 'gzip')
      throw new Error('GET /topology was not gzipped');

    const name = (what: string) =>
      `topology API of a ${estate.entities.length.toLocaleString(
        'en',
      )}-entity estate at ${RATE} requests/s, rebuilt every ${CACHE_SECONDS} s: ${what}`;
    const common = {
      entities: estate.entities.length,
      clusters: estate.clusters.length,
    };
    reportResult(name('the overview the portal fetches'), {
      ...common,
      ...(await measure(`${estate.api}/topology?workloads=folded`)),
    });
    reportResult(name('the whole graph'), {
      ...common,
      ...(await measure(`${estate.api}/topology`)),
    });
  } finally {
    await estate.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

runBenchmark(main);
