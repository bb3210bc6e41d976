import { CapacityReport } from '@homelab/plugin-homelab-common';
import { screen } from '@testing-library/react';
import { fakeHomelabApi } from '../../../__testUtils__/fixtures';
import { render, resource } from '../__testUtils__/renderEntityCard';
import { EntityCapacityCard } from './EntityCapacityCard';

const production = resource('production', 'kubernetes-cluster', {});

describe('EntityCapacityCard', () => {
  it("shows the example's production cluster and its nodes against the seed's targets", async () => {
    await render(<EntityCapacityCard />, production, {
      api: fakeHomelabApi(),
    });
    expect(
      await screen.findByRole('heading', { name: 'CPU (target 70%)' }),
    ).toBeInTheDocument();
    // The backend's /capacity of the example: 2 cores requested of 24.
    expect(
      screen.getByRole('img', {
        name: 'Cluster: 2.00 cores requested, 0.50 cores used, of 24.00 cores allocatable; 14.80 cores headroom to the 70% target',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^rk1-1: 1\.50 cores requested/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Memory (target 80%)' }),
    ).toBeInTheDocument();
    // Nextcloud's PostgreSQL grows 24 MiB a day in the recorded use.
    expect(
      screen.getAllByText(
        'Rising: reaches the limit about 2035-01-21 (+24 MiB a day over 14 days)',
      ),
    ).toHaveLength(1);
    expect(
      screen.getAllByText('No trend: use not measured').length,
    ).toBeGreaterThan(0);
  });

  it('says unknown and not measured, never 0, where a snapshot recorded nothing', async () => {
    const unknown = {
      resource: 'cpu',
      unit: 'cores',
      allocatable: null,
      requests: null,
      use: null,
      headroom: null,
      useBasis:
        'not measured: no Prometheus is configured (homelab.prometheus)',
      observedAt: null,
      measuredAt: null,
      trend: { state: 'not-measured' },
    } as const;
    const report: CapacityReport = {
      generatedAt: '2026-11-22T06:00:00.000Z',
      clusters: [
        {
          cluster: 'production',
          figures: [unknown],
          nodes: [{ name: 'rk1-1', figures: [unknown] }],
        },
      ],
      hypervisors: [],
      warnings: [],
    };
    await render(<EntityCapacityCard />, production, {
      api: fakeHomelabApi({
        getCapacity: async () => ({ capacity: report, freshness: [] }),
      }),
    });
    expect(
      await screen.findByRole('img', {
        name: 'rk1-1: unknown requested, use not measured, of unknown allocatable; headroom to all allocatable unknown',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Use: not measured: no Prometheus is configured (homelab.prometheus). Allocatable and requests from never; use measured never.',
      ),
    ).toBeInTheDocument();
  });

  it('says when nothing was collected from the cluster', async () => {
    await render(
      <EntityCapacityCard />,
      resource('lab', 'kubernetes-cluster', {}),
      { api: fakeHomelabApi() },
    );
    expect(
      await screen.findByText(
        'Nothing collected from this cluster yet: its capacity is not known.',
      ),
    ).toBeInTheDocument();
  });
});
