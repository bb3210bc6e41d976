/*
 * Drawing the topology of a generated 1,000-device estate
 * (HOMELAB_BENCH_DEVICES to change) in Chromium (Debian's, HOMELAB_CHROMIUM),
 * in the real portal: the built app served by the portal backend
 * (test/e2e/start-portal.js; run `npm run build` first).
 *
 * The topology is what the real homelab backend builds for the generated
 * estate (lib/generatedEstate.ts); the portal's own backend holds the small
 * example homelab, so the page's /api/homelab/topology request is answered
 * with the generated estate's graph. Measured, median of 3 page loads each:
 *
 * 1. layout and first render: the page's layered layout (dagre below 300
 *    nodes) and Cytoscape.js, from the elements to the first frame (the page
 *    reports it in data-drawn-ms);
 * 2. page load to drawn: from navigation to that first frame;
 *
 * for the default view (workloads folded into their namespaces) and with
 * every workload shown.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startGeneratedEstate } from './lib/generatedEstate';
import { median, reportResult, round, runBenchmark } from './lib/report';

const DEVICES = Number(process.env.HOMELAB_BENCH_DEVICES ?? 1000);
const PORT = 7217;
const RUNS = 3;
const repoRoot = path.resolve(__dirname, '../..');

async function startPortal(): Promise<ChildProcess> {
  if (!fs.existsSync(path.join(repoRoot, 'packages/app/dist/index.html'))) {
    throw new Error('packages/app/dist is missing: run `npm run build` first');
  }
  const portal = spawn(process.execPath, ['start-portal.js'], {
    cwd: path.join(repoRoot, 'test/e2e'),
    env: { ...process.env, HOMELAB_E2E_PORT: String(PORT) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const ready = await fetch(
        `http://localhost:${PORT}/.backstage/health/v1/readiness`,
        { signal: AbortSignal.timeout(5000) },
      );
      if (ready.ok) return portal;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the portal did not start');
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-draw-bench-'));
  const estate = await startGeneratedEstate({
    devices: DEVICES,
    port: 7218,
    workDir: work,
  });
  const topology = await (await fetch(`${estate.api}/topology`)).text();
  // The page fetches the overview folded, and the whole graph with workloads.
  const folded = await (
    await fetch(`${estate.api}/topology?workloads=folded`)
  ).text();
  const graph = JSON.parse(topology) as {
    nodes: Array<{ kind: string }>;
    edges: unknown[];
  };
  await estate.stop();

  const portal = await startPortal();
  const browser = await chromium.launch({
    executablePath: process.env.HOMELAB_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1600, height: 1000 },
    });
    await page.route('**/api/homelab/topology*', route =>
      route.fulfill({
        contentType: 'application/json',
        body: route.request().url().includes('workloads=folded')
          ? folded
          : topology,
      }),
    );
    const base = `http://localhost:${PORT}`;
    await page.goto(base);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByRole('link', { name: 'Catalog', exact: true })
      .first()
      .waitFor();

    const measure = async (query: string) => {
      const drawn: number[] = [];
      const loads: number[] = [];
      let nodes = 0;
      for (let run = 0; run < RUNS; run++) {
        const started = Date.now();
        await page.goto(`${base}/homelab/topology${query}`);
        const container = page.locator('[data-testid=topology][data-drawn-ms]');
        await container.waitFor({ timeout: 120_000 });
        loads.push(Date.now() - started);
        drawn.push(Number(await container.getAttribute('data-drawn-ms')));
        nodes = Number(await container.getAttribute('data-drawn-nodes'));
      }
      return { drawn: median(drawn), load: median(loads), nodes };
    };
    // Each view is reported as soon as it is measured.
    const name = `topology of a ${DEVICES.toLocaleString(
      'en',
    )}-device estate drawn in Chromium`;
    const overview = await measure('');
    reportResult(`${name}: the default view (workloads folded)`, {
      devices: DEVICES,
      'graph nodes': graph.nodes.length,
      'graph edges': graph.edges.length,
      'nodes drawn': overview.nodes,
      'layout and first render, ms': round(overview.drawn),
      'page load to drawn, ms': round(overview.load),
    });
    const everything = await measure('?workloads=show');
    reportResult(`${name}: every workload`, {
      devices: DEVICES,
      'workloads in the graph': graph.nodes.filter(n => n.kind === 'workload')
        .length,
      'nodes drawn': everything.nodes,
      'layout and first render, ms': round(everything.drawn),
      'page load to drawn, ms': round(everything.load),
    });
  } finally {
    await browser.close();
    portal.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

runBenchmark(main);
