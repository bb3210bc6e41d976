/*
 * Drawing the topology of a generated 1,000-device estate
 * (HOMELAB_BENCH_DEVICES to change) in Chromium (Debian's, HOMELAB_CHROMIUM),
 * in the real portal: the built app served by the portal backend
 * (test/e2e/start-portal.js; run `npm run build` first).
 *
 * The topology is what the real homelab backend builds for the generated
 * estate (lib/generatedEstate.ts); the portal's own backend holds the small
 * example homelab, so the page's /api/homelab/topology request is answered
 * with the generated estate's graph. Measured, median of 5 pairs of page
 * loads (after one pair that warms the browser and the portal up), on the
 * page's own clock, whose zero is the navigation's start:
 *
 * 1. page load to drawn: from the navigation's start to the first frame of
 *    the canvas, what someone opening the page waits for, and where that
 *    time went: the app's scripts run (DOMContentLoaded), the topology
 *    requested and answered, the layout begun; on a return to the portal,
 *    its scripts in the browser's cache, and on a first visit, the cache
 *    empty;
 * 2. layout and first render: the page's layered layout (dagre below 300
 *    nodes) and Cytoscape.js, from the elements to the first frame (the page
 *    reports it in data-drawn-ms); the first frame holds what the first view
 *    shows, and the rest of a large graph is added after it (data-complete-ms);
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
// HOMELAB_BENCH_PORT moves the portal (and the generated estate, one above it) off a port in use.
const PORT = Number(process.env.HOMELAB_BENCH_PORT ?? 7217);
const RUNS = 5;
/** The page lays out graphs larger than this itself, and adds what the first view does not show after its first frame. */
const LARGE_GRAPH = 300;
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
    port: PORT + 1,
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
    // The topology's requests are answered through the DevTools protocol,
    // not page.route: routing turns the browser's HTTP cache off for every
    // request (microsoft/playwright#7220), so each load fetched the app's
    // scripts again, which a returning visitor's browser holds (the portal
    // serves them with max-age=1209600).
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Fetch.enable', {
      patterns: [{ urlPattern: '*/api/homelab/topology*' }],
    });
    devtools.on('Fetch.requestPaused', request =>
      devtools.send('Fetch.fulfillRequest', {
        requestId: request.requestId,
        responseCode: 200,
        responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
        body: Buffer.from(
          request.request.url.includes('workloads=folded') ? folded : topology,
        ).toString('base64'),
      }),
    );
    const base = `http://localhost:${PORT}`;
    await page.goto(base);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByRole('link', { name: 'Catalog', exact: true })
      .first()
      .waitFor();

    // When the canvas's first frame, and a large graph's last nodes, were
    // drawn, on the page's clock.
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        const topology = document.querySelector('[data-testid=topology]');
        const w = window as any;
        if (topology?.hasAttribute('data-drawn-ms'))
          w.drawnAt ??= performance.now();
        if (topology?.hasAttribute('data-complete-ms')) {
          w.completeAt ??= performance.now();
          seen.disconnect();
        }
      });
      seen.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-drawn-ms', 'data-complete-ms'],
      });
    });

    /** One load of the page, from a blank page, timed on the page's own clock. */
    const load = async (query: string) => {
      // From a blank page, so that no run pays for the last one's unloading.
      await page.goto('about:blank');
      await page.goto(`${base}/homelab/topology${query}`);
      const container = page.locator('[data-testid=topology][data-drawn-ms]');
      await container.waitFor({ timeout: 120_000 });
      const nodes = Number(await container.getAttribute('data-drawn-nodes'));
      if (nodes > LARGE_GRAPH)
        await page
          .locator('[data-testid=topology][data-complete-ms]')
          .waitFor({ timeout: 120_000 });
      const times = await page.evaluate(() => {
        const w = window as any;
        const topology = document.querySelector('[data-testid=topology]')!;
        const request = performance
          .getEntriesByType('resource')
          .find(entry =>
            entry.name.includes('/api/homelab/topology'),
          ) as PerformanceResourceTiming;
        const navigation = performance.getEntriesByType(
          'navigation',
        )[0] as PerformanceNavigationTiming;
        const drawnMs = Number(topology.getAttribute('data-drawn-ms'));
        return {
          drawnAt: w.drawnAt,
          completeAt: w.completeAt ?? w.drawnAt,
          drawnMs,
          scripts: navigation.domContentLoadedEventEnd,
          requested: request.startTime,
          answered: request.responseEnd,
          layoutStart: w.drawnAt - drawnMs,
        };
      });
      return { nodes, times };
    };

    /**
     * Pairs of loads: a first visit, with the browser's cache emptied (its
     * scripts fetched and the portal compressing them as they are sent), then
     * a return, with the scripts in the cache the first visit filled. The
     * two of a pair run back to back, so the machine's moods touch both.
     */
    const measure = async (query: string) => {
      const first: Array<Record<string, number>> = [];
      const returning: Array<Record<string, number>> = [];
      let nodes = 0;
      for (let run = 0; run <= RUNS; run++) {
        await devtools.send('Network.clearBrowserCache');
        const firstVisit = await load(query);
        const returnVisit = await load(query);
        nodes = returnVisit.nodes;
        // The first pair warms the browser and the portal up; the others are timed.
        if (run === 0) continue;
        first.push(firstVisit.times);
        returning.push(returnVisit.times);
      }
      const of = (runs: typeof first, key: string) =>
        round(median(runs.map(r => r[key])));
      return {
        nodes,
        metrics: {
          'page load to drawn, returning (scripts cached), ms': of(
            returning,
            'drawnAt',
          ),
          '  app scripts run (DOMContentLoaded), ms': of(returning, 'scripts'),
          '  topology requested, ms': of(returning, 'requested'),
          '  topology answered, ms': of(returning, 'answered'),
          '  layout begun, ms': of(returning, 'layoutStart'),
          'layout and first render, ms': of(returning, 'drawnMs'),
          'page load to every node in the canvas, ms': of(
            returning,
            'completeAt',
          ),
          'page load to drawn, first visit (browser cache empty), ms': of(
            first,
            'drawnAt',
          ),
          '  first visit: app scripts run (DOMContentLoaded), ms': of(
            first,
            'scripts',
          ),
          '  first visit: topology requested, ms': of(first, 'requested'),
          'load average (1 min)': round(os.loadavg()[0]),
        },
      };
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
      ...overview.metrics,
    });
    const everything = await measure('?workloads=show');
    reportResult(`${name}: every workload`, {
      devices: DEVICES,
      'workloads in the graph': graph.nodes.filter(n => n.kind === 'workload')
        .length,
      'nodes drawn': everything.nodes,
      ...everything.metrics,
    });
  } finally {
    await browser.close();
    portal.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

runBenchmark(main);
