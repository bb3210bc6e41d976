/*
 * Security posture of a large cluster: 2,000 Trivy VulnerabilityReports of
 * about 100 vulnerabilities each (HOMELAB_BENCH_REPORTS to change), as the
 * Kubernetes API returns them to the security collector, 50 to a page (its
 * REPORT_PAGE_SIZE).
 *
 * 1. baseline: JSON.parse of every page, and nothing else;
 * 2. aggregation: the security collector's work on the same bytes, page by
 *    page: parse a page, read its reports, place their findings on their
 *    workloads and entities with their ids and hand them out a batch at a
 *    time (here dropped), then compute the posture summaries;
 * 3. collection: the same with each batch of findings staged in SQLite as it
 *    is handed out, and the collection committed, as the security collector
 *    replaces a cluster's posture.
 *
 * Each phase runs in a process of its own, so its peak memory is its own.
 * Phases 1 and 2 are timed there: the first collection after the backend
 * starts, with the code not yet compiled by the JavaScript engine, and then
 * LATER collections, as every collection of a running backend is, of which
 * the median counts. Phase 3 is timed once. No phase's time counts the
 * reading of each page's bytes from its file: the collector has them from
 * the Kubernetes API, and reading 82 MB from files took longer than parsing
 * them, which put the same large number under both sides of the ratio.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { DatabaseHomelabStore } from '../../plugins/homelab-backend/src/database/DatabaseHomelabStore';
import { PostureStore } from '../../plugins/homelab-backend/src/database/PostureStore';
import { addReports } from '../../plugins/homelab-backend/src/security/addReports';
import { PostureAggregator } from '../../plugins/homelab-backend/src/security/PostureAggregator';
import { parseTrivyReport } from '../../plugins/homelab-backend/src/security/trivy';
import { EntityIndex } from '../../plugins/homelab-backend/src/workloads/EntityIndex';
import { WorkloadSnapshot } from '../../plugins/homelab-backend/src/workloads/WorkloadSnapshot';
import {
  median,
  reportResult,
  round,
  runBenchmark,
  Stopwatch,
} from './lib/report';

const REPORTS = Number(process.env.HOMELAB_BENCH_REPORTS ?? 2000);
const PER_REPORT = 100;
const PAGE = 50;
/** Runs of the parse and of the aggregation each, alternating. */
const RUNS = 7;
/**
 * Later collections per run: one alone moved by a tenth from run to run on
 * two shared cores (issue 12), their median less.
 */
const LATER = 5;
const NAMESPACES = 40;
const SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'MEDIUM',
  'LOW',
  'LOW',
  'LOW',
  'UNKNOWN',
];
const PACKAGES = [
  'libssl3',
  'libcrypto3',
  'zlib1g',
  'libc6',
  'libkrb5-3',
  'curl',
  'libcurl4',
  'perl-base',
  'libsqlite3-0',
  'golang.org/x/net',
  'golang.org/x/crypto',
  'stdlib',
  'setuptools',
  'requests',
  'urllib3',
];

/** One workload per report: report r is on ReplicaSet app-r-<hash> of Deployment app-r. */
function workloadOf(r: number) {
  return {
    namespace: `ns-${r % NAMESPACES}`,
    deployment: `app-${r}`,
    replicaSet: `app-${r}-7d9f8b6c5d`,
  };
}

/** How many of a report's PER_REPORT vulnerabilities have this severity. */
const listedCount = (severity: string) =>
  Array.from(
    { length: PER_REPORT },
    (_, v) => SEVERITIES[v % SEVERITIES.length],
  ).filter(listed => listed === severity).length;

/**
 * Every report's summary, as Trivy writes it: its listed vulnerabilities
 * counted. Every report lists the same severities, so one summary serves all.
 */
const SUMMARY = {
  criticalCount: listedCount('CRITICAL'),
  highCount: listedCount('HIGH'),
  mediumCount: listedCount('MEDIUM'),
  lowCount: listedCount('LOW'),
  unknownCount: listedCount('UNKNOWN'),
  noneCount: 0,
};

function vulnerabilityReport(r: number) {
  const { namespace, replicaSet } = workloadOf(r);
  return {
    apiVersion: 'aquasecurity.github.io/v1alpha1',
    kind: 'VulnerabilityReport',
    metadata: {
      name: `replicaset-${replicaSet}-app`,
      namespace,
      uid: `5f0c2a7e-${String(r).padStart(4, '0')}-4d1b-9a3e-7c1d2b3a4f5e`,
      resourceVersion: String(4812391 + r),
      creationTimestamp: '2026-11-22T01:04:17Z',
      labels: {
        'resource-spec-hash': '7c9b5d8f4',
        'trivy-operator.container.name': 'app',
        'trivy-operator.resource.kind': 'ReplicaSet',
        'trivy-operator.resource.name': replicaSet,
        'trivy-operator.resource.namespace': namespace,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: replicaSet,
          uid: 'x',
          controller: true,
        },
      ],
    },
    report: {
      artifact: {
        repository: `homelab/app-${r}`,
        tag: '1.4.2',
        digest: `sha256:${'ab'.repeat(32)}`,
      },
      os: { family: 'debian', name: '12.8' },
      registry: { server: 'ghcr.io' },
      scanner: { name: 'Trivy', vendor: 'Aqua Security', version: '0.57.1' },
      summary: SUMMARY,
      updateTimestamp: '2026-11-22T01:04:17Z',
      vulnerabilities: Array.from({ length: PER_REPORT }, (_, v) => {
        const id = `CVE-20${20 + (v % 5)}-${String(
          10000 + ((r * 7 + v * 13) % 4000),
        ).padStart(5, '0')}`;
        return {
          vulnerabilityID: id,
          severity: SEVERITIES[v % SEVERITIES.length],
          resource: PACKAGES[(r + v) % PACKAGES.length],
          installedVersion: `1.${v % 9}.${r % 7}-2+deb12u1`,
          fixedVersion: v % 3 ? `1.${v % 9}.${(r % 7) + 1}-2+deb12u2` : '',
          title: `${
            PACKAGES[(r + v) % PACKAGES.length]
          }: out-of-bounds read in a parser, leading to denial of service`,
          primaryLink: `https://avd.aquasec.com/nvd/${id.toLowerCase()}`,
          links: [],
          score: 4 + (v % 6),
          target: '',
          publishedDate: '2024-06-11T15:15:11Z',
          lastModifiedDate: '2024-09-02T19:05:22Z',
        };
      }),
    },
  };
}

/**
 * A page read, and parsed with `clock` running: the clock is left running
 * for what is done with the page, and the page's text is let go.
 */
function parsePage(file: string, clock: Stopwatch): unknown {
  const text = fs.readFileSync(file, 'utf8');
  clock.start();
  return JSON.parse(text);
}

function pages(directory: string) {
  return fs
    .readdirSync(directory)
    .filter(file => file.startsWith('page-'))
    .sort()
    .map(file => path.join(directory, file));
}

const workloads: WorkloadSnapshot = {
  namespaces: Array.from({ length: NAMESPACES }, (_, n) => ({
    name: `ns-${n}`,
  })),
  workloads: Array.from({ length: REPORTS }, (_, r) => ({
    kind: 'Deployment' as const,
    namespace: workloadOf(r).namespace,
    name: workloadOf(r).deployment,
    labels: { 'backstage.io/kubernetes-id': `app-${r % 200}` },
    images: [],
  })),
  owners: Object.fromEntries(
    Array.from({ length: REPORTS }, (_, r) => [
      `ReplicaSet/${workloadOf(r).namespace}/${workloadOf(r).replicaSet}`,
      { kind: 'Deployment', name: workloadOf(r).deployment },
    ]),
  ),
  loadBalancers: [],
};
const entities: Entity[] = Array.from({ length: 200 }, (_, e) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `app-${e}`,
    annotations: { 'backstage.io/kubernetes-id': `app-${e}` },
  },
  spec: {},
}));

/**
 * Reads the pages as the security collector does: each page parsed, its
 * reports aggregated and their findings handed to `stage` a batch at a time.
 */
async function aggregate(
  directory: string,
  stage: (findings: ReturnType<PostureAggregator['takeFindings']>) => unknown,
  clock = new Stopwatch(),
) {
  // Every collection indexes the workloads and entities anew.
  clock.start();
  const aggregator = new PostureAggregator(
    'production',
    workloads,
    new EntityIndex(entities),
  );
  clock.stop();
  let findings = 0;
  const take = async () => {
    const staged = aggregator.takeFindings();
    for (const report of staged) findings += report.length;
    await stage(staged);
  };
  // Each page is let go before the next is read, as the collector's
  // listing does (listIfServed, ApiClusterClient.listPages).
  let page: { items: any[] } | undefined;
  for (const file of pages(directory)) {
    page = undefined;
    page = parsePage(file, clock) as { items: any[] };
    await addReports(
      aggregator,
      page.items,
      report => parseTrivyReport(report, 'production'),
      take,
    );
    clock.stop();
  }
  clock.start();
  const result = aggregator.finish(new Date().toISOString());
  clock.stop();
  return { findings, ...result };
}

/**
 * Times a phase's work in its process: the first run is the first
 * collection after the backend starts, its code not yet compiled by the
 * JavaScript engine; the LATER runs after it are every collection after it,
 * and their medians are reported.
 */
async function firstAndLater<T>(work: (clock: Stopwatch) => Promise<T> | T) {
  const first = new Stopwatch();
  const value = await work(first);
  const later: Stopwatch[] = [];
  for (let run = 0; run < LATER; run++) {
    const clock = new Stopwatch();
    await work(clock);
    later.push(clock);
  }
  return {
    ms: first.ms,
    cpuMs: first.cpuMs,
    laterMs: median(later.map(clock => clock.ms)),
    laterCpuMs: median(later.map(clock => clock.cpuMs)),
    value,
  };
}

async function phase(name: string, directory: string) {
  if (name === 'baseline') {
    const { value, ...times } = await firstAndLater(clock => {
      let items = 0;
      for (const file of pages(directory)) {
        items += (parsePage(file, clock) as { items: unknown[] }).items.length;
        clock.stop();
      }
      return items;
    });
    return { ...times, items: value };
  }
  if (name === 'aggregation') {
    const { value, ...times } = await firstAndLater(clock =>
      aggregate(directory, () => undefined, clock),
    );
    return {
      ...times,
      findings: value.findings,
      summaries: value.summaries.length,
      disagreeing:
        value.summaries.find(summary => summary.scope === 'cluster')
          ?.discrepancies?.length ?? 0,
    };
  }
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(directory, 'homelab.sqlite') },
    useNullAsDefault: true,
  });
  const store: PostureStore = (
    await DatabaseHomelabStore.create(mockServices.database({ knex }))
  ).posture;
  const collectedAt = new Date();
  // Timed as the other phases are, the reading of each page's file left out.
  const clock = new Stopwatch();
  clock.start();
  await store.beginPosture('production');
  clock.stop();
  const result = await aggregate(
    directory,
    findings => store.stageFindings('production', findings, collectedAt),
    clock,
  );
  clock.start();
  const stored = await store.commitPosture('production', {
    summaries: result.summaries,
    superseded: result.superseded,
    collectedAt,
  });
  clock.stop();
  await knex.destroy();
  return { ms: clock.ms, findings: result.findings, stored };
}

/** Runs one phase in a child process: its time and its own peak memory. */
function runPhase(name: string, directory: string) {
  const child = spawnSync(
    process.execPath,
    [
      '-e',
      `require('@backstage/cli/config/nodeTransform.cjs'); require(${JSON.stringify(
        __filename,
      )});`,
    ],
    {
      env: { ...process.env, BENCH_PHASE: name, BENCH_DIR: directory },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const line = child.stdout.split('\n').find(l => l.startsWith('PHASE '));
  if (child.status !== 0 || !line)
    throw new Error(`phase ${name} failed: ${child.stderr}`);
  return JSON.parse(line.slice('PHASE '.length));
}

async function main() {
  if (process.env.BENCH_PHASE) {
    const result = await phase(process.env.BENCH_PHASE, process.env.BENCH_DIR!);
    process.stdout.write(
      `PHASE ${JSON.stringify({
        ...result,
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      })}\n`,
    );
    return;
  }
  const directory = fs.mkdtempSync(
    path.join(os.tmpdir(), 'homelab-posture-bench-'),
  );
  try {
    let bytes = 0;
    for (let first = 0; first < REPORTS; first += PAGE) {
      const items = Array.from(
        { length: Math.min(PAGE, REPORTS - first) },
        (_, i) => vulnerabilityReport(first + i),
      );
      const text = JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        metadata: { continue: '' },
        items,
      });
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(
        path.join(directory, `page-${String(first).padStart(6, '0')}.json`),
        text,
      );
    }
    // Interleaved, so that the machine's moods fall on both alike: on two
    // cores the bare parse alone varies by a fifth from run to run.
    const baseline: Array<ReturnType<typeof runPhase>> = [];
    const aggregation: Array<ReturnType<typeof runPhase>> = [];
    for (let run = 0; run < RUNS; run++) {
      baseline.push(runPhase('baseline', directory));
      aggregation.push(runPhase('aggregation', directory));
    }
    const collection = runPhase('collection', directory);
    /** A collection's medians and ratios, wall and CPU, under its label. */
    const ratios = (
      label: string,
      ms: 'ms' | 'laterMs',
      cpuMs: 'cpuMs' | 'laterCpuMs',
    ) => {
      const entries: Record<string, number> = {};
      for (const [time, unit] of [
        [ms, 'ms'],
        [cpuMs, 'CPU ms'],
      ] as const) {
        const parse = median(baseline.map(r => r[time]));
        const parseAndAggregate = median(aggregation.map(r => r[time]));
        const of = unit === 'ms' ? '' : ', CPU time';
        entries[`${label}: JSON.parse only ${unit} (median of ${RUNS})`] =
          round(parse);
        entries[`${label}: parse + aggregate ${unit} (median of ${RUNS})`] =
          round(parseAndAggregate);
        entries[`${label}: aggregate / parse${of}`] = round(
          parseAndAggregate / parse,
          2,
        );
        // Each aggregation ran right after a parse: a pair shares the
        // machine's mood of that moment, which on two shared cores moves
        // the medians of either by a fifth from one run of the bench to
        // the next.
        entries[
          `${label}: aggregate / parse${of}, median of the ${RUNS} back-to-back pairs`
        ] = round(
          median(aggregation.map((run, i) => run[time] / baseline[i][time])),
          2,
        );
      }
      return entries;
    };
    reportResult(
      `posture aggregation of ${REPORTS.toLocaleString(
        'en',
      )} VulnerabilityReports`,
      {
        reports: REPORTS,
        'JSON bytes (MB)': round(bytes / 1e6),
        findings: aggregation[0].findings,
        summaries: aggregation[0].summaries,
        'reports disagreeing with their own summary (up to 100 listed)':
          aggregation[0].disagreeing,
        ...ratios('first collection', 'ms', 'cpuMs'),
        ...ratios(
          `later collections (each run's median of ${LATER})`,
          'laterMs',
          'laterCpuMs',
        ),
        'JSON.parse only peak RSS MB': Math.max(
          ...baseline.map(r => r.peakRssMB),
        ),
        'parse + aggregate peak RSS MB': Math.max(
          ...aggregation.map(r => r.peakRssMB),
        ),
        'parse + aggregate + store in SQLite ms': round(collection.ms),
        'parse + aggregate + store peak RSS MB': collection.peakRssMB,
        'findings stored': collection.stored,
      },
    );
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

runBenchmark(main);
