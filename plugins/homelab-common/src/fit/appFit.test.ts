import { CapacityFigure, ClusterCapacity } from '../api/capacity';
import { appFit } from './appFit';

const GiB = 2 ** 30;

function figure(
  resource: CapacityFigure['resource'],
  allocatable: number | null,
  requests: number | null,
  extra: Partial<CapacityFigure> = {},
): CapacityFigure {
  return {
    resource,
    unit: { cpu: 'cores', memory: 'bytes', pods: 'pods', storage: 'bytes' }[
      resource
    ] as CapacityFigure['unit'],
    allocatable,
    requests,
    use: null,
    headroom: null,
    useBasis: 'not measured',
    observedAt: '2026-12-01T10:00:00Z',
    measuredAt: null,
    trend: { state: 'not-measured' },
    ...extra,
  };
}

const node = (name: string, cpu: number, memoryGiB: number, pods = 110) => ({
  name,
  figures: [
    figure('cpu', 8, 8 - cpu),
    figure('memory', 32 * GiB, (32 - memoryGiB) * GiB),
    figure('pods', 110, 110 - pods),
  ],
});

/** Three RK1-sized nodes with 2, 1 and 0.5 cores and 4, 6 and 1 GiB left. */
const cluster = (targets: Partial<CapacityFigure>[] = []): ClusterCapacity => ({
  cluster: 'production',
  figures: [
    figure('cpu', 24, 20.5, {
      targetPercent: 70,
      headroom: -3.7,
      ...targets[0],
    }),
    figure('memory', 96 * GiB, 85 * GiB, {
      targetPercent: 80,
      headroom: -8.2 * GiB,
      ...targets[1],
    }),
    figure('pods', 330, 36, { headroom: 294, ...targets[2] }),
  ],
  nodes: [node('rk1-1', 2, 4), node('rk1-2', 1, 6), node('rk1-3', 0.5, 1)],
});

describe('appFit', () => {
  it('places each replica on the node with the most memory left that takes it', () => {
    const verdict = appFit(
      { cpuCores: 0.5, memoryBytes: 2 * GiB, replicas: 3 },
      cluster([{ headroom: 4 }, { headroom: 10 * GiB }]),
    );
    expect(verdict.checks[0]).toEqual({
      what: 'Placement',
      state: 'fits',
      reason: '3 × 0.5 cores and 2.0 GiB fit: 2 on rk1-2, 1 on rk1-1',
    });
    expect(verdict.state).toBe('fits');
  });

  it('says which replica fits nowhere and how much the roomiest node has left', () => {
    const verdict = appFit(
      { cpuCores: 1.5, memoryBytes: 3 * GiB, replicas: 2 },
      cluster(),
    );
    expect(verdict.state).toBe('does-not-fit');
    expect(verdict.checks[0].reason).toBe(
      'replica 2 of 2 fits on no node: the roomiest, rk1-2, has 1 core, 6.0 GiB and 110 pods left for requests',
    );
  });

  it('fits past the inventory target as above-target, with the figures', () => {
    const verdict = appFit(
      { cpuCores: 0.25, memoryBytes: 256 * 2 ** 20, replicas: 1 },
      cluster(),
    );
    expect(verdict.state).toBe('above-target');
    expect(verdict.checks.slice(1)).toEqual([
      {
        what: 'CPU target',
        state: 'above-target',
        reason: 'adds 0.25 cores; the cluster is 3.7 cores past its 70% target',
      },
      {
        what: 'Memory target',
        state: 'above-target',
        reason: 'adds 256 MiB; the cluster is 8.2 GiB past its 80% target',
      },
    ]);
  });

  it('never claims a fit on a node whose requests are not recorded', () => {
    const unrecorded = cluster([{ headroom: 4 }, { headroom: 10 * GiB }]);
    unrecorded.nodes = [
      {
        name: 'rk1-1',
        figures: [
          figure('cpu', 8, null),
          figure('memory', 32 * GiB, null),
          figure('pods', 110, null),
        ],
      },
    ];
    const verdict = appFit(
      { cpuCores: 0.1, memoryBytes: GiB, replicas: 1 },
      unrecorded,
    );
    expect(verdict.state).toBe('unknown');
    expect(verdict.checks[0].reason).toBe(
      'replica 1 of 1 fits on no node whose requests are recorded; not recorded: rk1-1',
    );
  });

  it('answers unknown for a target whose requests or use are not known', () => {
    const verdict = appFit(
      { cpuCores: 0.1, memoryBytes: GiB, replicas: 1 },
      cluster([{ headroom: null }, { headroom: 10 * GiB }]),
    );
    expect(verdict.checks[1]).toEqual({
      what: 'CPU target',
      state: 'unknown',
      reason: "the cluster's cpu requests or use are not known",
    });
    expect(verdict.state).toBe('unknown');
  });
});
