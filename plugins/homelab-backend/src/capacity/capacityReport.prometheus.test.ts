import { ConfigReader } from '@backstage/config';
import {
  CapacityFigure,
  CapacityReport,
  CapacityResource,
} from '@homelab/plugin-homelab-common';
import { readPrometheusClient } from '@homelab/plugin-homelab-node';
import { PrometheusTestServer } from '@homelab/plugin-homelab-node/testUtils';
import {
  exampleClusterClients,
  exampleEntities,
} from '../example/__testUtils__/exampleHomelab';
import { ClusterSnapshot } from '../database/ClusterSnapshotStore';
import { collectWorkloads } from '../workloads/collectWorkloads';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { buildCapacityReport } from './buildCapacityReport';

/*
 * Capacity of the example homelab against a real Prometheus holding 20 days
 * of the exporters' own metrics, every five minutes:
 * - cAdvisor's container_cpu_usage_seconds_total counters (node label as the
 *   Prometheus Operator adds it): 2 cores on rk1-1, 0.5 on rk1-2 and rk1-3;
 * - cAdvisor's container_memory_working_set_bytes: rk1-1 grows by 0.5 GiB a
 *   day from 12 GiB 20 days ago, rk1-2 holds 6 GiB, rk1-3 was only started
 *   two days ago at 2 GiB;
 * - node_exporter's root filesystem of rk1-1 (instance is the node's name,
 *   as kube-prometheus-stack relabels it): 200 GB of 900 GB used.
 * Allocatable and requests are the recorded snapshots' (nodes.json, and the
 * pods' requests: on rk1-1 1.5 cores and 1670 MiB in 27 pods); staging's
 * snapshot is one recorded before nodes were collected.
 */

jest.setTimeout(300_000);

const STEP = 300;
const DAY = 24 * 3600;
const GIB = 2 ** 30;
// Ends on an hour six hours ago (backfilled blocks must not reach the head
// block), 20 days long: more than the 14 the trend looks at.
const end = Math.floor(Date.now() / 1000 / 3600) * 3600 - 6 * 3600;
const start = end - 20 * DAY;

const CORES: Record<string, number> = {
  'rk1-1': 2,
  'rk1-2': 0.5,
  'rk1-3': 0.5,
};
const MEMORY: Record<string, (t: number) => number | undefined> = {
  'rk1-1': t => 12 * GIB + (0.5 * GIB * (t - start)) / DAY,
  'rk1-2': () => 6 * GIB,
  'rk1-3': t => (t >= end - 2 * DAY ? 2 * GIB : undefined),
};
const FILESYSTEM = { size: 900e9, available: 700e9 };

function history(): string {
  const lines = ['# TYPE container_cpu_usage_seconds counter'];
  for (const [node, cores] of Object.entries(CORES))
    for (let t = start; t <= end; t += STEP)
      lines.push(
        `container_cpu_usage_seconds_total{node="${node}",namespace="app",pod="app-${node}",container="app"} ${
          cores * (t - start)
        } ${t}`,
      );
  lines.push('# TYPE container_memory_working_set_bytes gauge');
  for (const [node, bytes] of Object.entries(MEMORY))
    for (let t = start; t <= end; t += STEP) {
      const value = bytes(t);
      if (value !== undefined)
        lines.push(
          `container_memory_working_set_bytes{node="${node}",namespace="app",pod="app-${node}",container="app"} ${value} ${t}`,
        );
    }
  for (const [metric, value] of [
    ['node_filesystem_size_bytes', FILESYSTEM.size],
    ['node_filesystem_avail_bytes', FILESYSTEM.available],
  ] as const) {
    lines.push(`# TYPE ${metric} gauge`);
    for (let t = start; t <= end; t += STEP)
      lines.push(
        `${metric}{instance="rk1-1",mountpoint="/",fstype="ext4"} ${value} ${t}`,
      );
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

let prometheus: PrometheusTestServer;
let report: CapacityReport;
beforeAll(async () => {
  prometheus = await PrometheusTestServer.start(history());
  const entities = await exampleEntities();
  const workloads: ClusterSnapshot<WorkloadSnapshot>[] = [];
  for (const client of exampleClusterClients()) {
    const data = await collectWorkloads(client);
    // Staging's snapshot as recorded before nodes were collected.
    if (client.cluster === 'staging') delete data.nodes;
    workloads.push({
      cluster: client.cluster,
      collectedAt: '2026-11-22T06:00:00.000Z',
      data,
    });
  }
  report = await buildCapacityReport({
    resources: entities.filter(e => e.kind === 'Resource' && e.spec?.homelab),
    workloads,
    prometheus: readPrometheusClient(
      new ConfigReader({ homelab: { prometheus: { url: prometheus.url } } }),
    ),
    now: new Date(end * 1000),
  });
});
afterAll(() => prometheus?.stop());

const cluster = (name: string) =>
  report.clusters.find(c => c.cluster === name)!;
const figure = (figures: CapacityFigure[], resource: CapacityResource) =>
  figures.find(f => f.resource === resource)!;
const node = (name: string, resource: CapacityResource) =>
  figure(
    cluster('production').nodes.find(n => n.name === name)!.figures,
    resource,
  );

const RK1_MEMORY = 32495228 * 1024;

describe('capacity of the example homelab from a real Prometheus', () => {
  it('reads allocatable and requests from the cluster and use from cAdvisor', () => {
    expect(report.warnings).toEqual([]);
    const cpu = node('rk1-1', 'cpu');
    expect(cpu).toMatchObject({
      unit: 'cores',
      allocatable: 8,
      targetPercent: 70,
      observedAt: '2026-11-22T06:00:00.000Z',
      measuredAt: new Date(end * 1000).toISOString(),
    });
    expect(cpu.requests).toBeCloseTo(1.5, 9);
    expect(cpu.use).toBeCloseTo(2, 6);
    // 70% of 8 cores less the larger of 1.5 requested and 2 used.
    expect(cpu.headroom).toBeCloseTo(5.6 - 2, 6);
    expect(cpu.useBasis).toContain('container_cpu_usage_seconds_total');
    const memory = node('rk1-1', 'memory');
    expect(memory.allocatable).toBe(RK1_MEMORY);
    expect(memory.requests).toBe(1670 * 2 ** 20);
    expect(memory.use).toBe(22 * GIB);
    expect(memory.headroom).toBeCloseTo(0.8 * RK1_MEMORY - 22 * GIB, 0);
    expect(node('rk1-1', 'pods')).toMatchObject({
      allocatable: 110,
      requests: 27,
      use: 27,
      headroom: 83,
      trend: { state: 'not-measured' },
    });
    const storage = node('rk1-1', 'storage');
    expect(storage).toMatchObject({
      allocatable: 898836525528,
      requests: 0,
      use: 200e9,
      targetPercent: 75,
    });
    expect(storage.useBasis).toContain(
      'Longhorn volumes and other PVCs are not measured',
    );
  });

  it('sums the nodes for the cluster', () => {
    const cpu = figure(cluster('production').figures, 'cpu');
    expect(cpu.allocatable).toBe(24);
    expect(cpu.requests).toBeCloseTo(1.5 + 0.35 + 0.15, 9);
    expect(cpu.use).toBeCloseTo(3, 6);
    expect(cpu.headroom).toBeCloseTo(0.7 * 24 - 3, 6);
    // rk1-2 and rk1-3 have no node_exporter series.
    const storage = figure(cluster('production').figures, 'storage');
    expect(storage.use).toBeNull();
    expect(storage.useBasis).toMatch(
      /^not measured on every node: not measured: Prometheus has no series for node rk1-2/,
    );
  });

  it('fits the trend to full exactly from the last 14 days', () => {
    const memory = node('rk1-1', 'memory');
    expect(memory.trend.state).toBe('rising');
    expect(memory.trend.days).toBe(14);
    expect(memory.trend.perDay).toBeCloseTo(0.5 * GIB, 0);
    expect(memory.trend.limit).toBeCloseTo(0.8 * RK1_MEMORY, 0);
    // Grows 0.5 GiB a day from 22 GiB now to 80% of 30.99 GiB.
    const days = (0.8 * RK1_MEMORY - 22 * GIB) / (0.5 * GIB);
    expect(Date.parse(memory.trend.fullAt!)).toBeCloseTo(
      (end + days * DAY) * 1000,
      -3,
    );
    expect(node('rk1-2', 'memory').trend).toMatchObject({
      state: 'steady',
      perDay: 0,
    });
    expect(node('rk1-3', 'memory').trend.state).toBe('not-enough-history');
    // The cluster's sum only has the two days rk1-3 has.
    expect(figure(cluster('production').figures, 'memory').trend.state).toBe(
      'not-enough-history',
    );
  });

  it('says unknown, not zero, where an old snapshot has no nodes', () => {
    const staging = cluster('staging');
    expect(staging.nodes.map(n => n.name)).toEqual(['rpi-staging']);
    for (const resource of ['cpu', 'memory', 'pods', 'storage'] as const) {
      const f = figure(staging.nodes[0].figures, resource);
      expect(f).toMatchObject({
        allocatable: null,
        requests: null,
        headroom: null,
        observedAt: null,
      });
    }
    expect(figure(staging.nodes[0].figures, 'cpu')).toMatchObject({
      use: null,
      measuredAt: null,
      trend: { state: 'not-measured' },
    });
    expect(figure(staging.figures, 'pods').useBasis).toContain(
      'do not record its nodes',
    );
  });

  it('says what a hypervisor without figures allocates: not known', () => {
    expect(report.hypervisors).toEqual([
      expect.objectContaining({
        name: 'proxmox',
        cpus: null,
        memoryBytes: null,
        source: 'inventory',
        allocatedVcpus: null,
        guests: [expect.objectContaining({ name: 'pve-docker', vcpus: null })],
      }),
    ]);
  });
});
