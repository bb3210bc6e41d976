import { screen } from '@testing-library/react';
import { render, resource } from './__testUtils__/renderEntityCard';
import { EntityHardwareCard } from './EntityHardwareCard';

// Facts as the catalog module merges them from Proxmox VE's
// /cluster/resources (its test fixture, a live server's answer: node pve).
const live = {
  source: 'pve',
  observedAt: '2026-12-01T10:00:00.000Z',
  stale: false,
  node: 'pve',
  status: 'online',
  uptimeSeconds: 1204771,
  cpus: 12,
  cpuUse: 0.0451634094268353,
  memoryBytes: 11522887680,
  memoryMaxBytes: 29287632896,
  storage: [
    {
      name: 'DSM',
      type: 'cifs',
      shared: true,
      status: 'available',
      usedBytes: 1250082226176,
      totalBytes: 9909187887104,
    },
    {
      name: 'local',
      type: 'dir',
      shared: false,
      usedBytes: 358415503360,
      totalBytes: 998011547648,
    },
  ],
};

describe('the live facts of a Proxmox VE node', () => {
  it('says whether it is online, for how long, what it uses and how full its storage is', async () => {
    await render(
      <EntityHardwareCard />,
      resource('pve', 'device', { kind: 'server', live }),
    );
    expect(await screen.findByText('online')).toBeInTheDocument();
    expect(screen.getByText('pve (Proxmox VE pve)')).toBeInTheDocument();
    expect(screen.getByText('13 d 22 h')).toBeInTheDocument();
    expect(screen.getByText('4.5% of 12 CPUs')).toBeInTheDocument();
    expect(screen.getByText('10.7 GiB of 27.3 GiB')).toBeInTheDocument();
    expect(
      screen.getByText('1.1 TiB of 9 TiB (cifs, shared)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('333.8 GiB of 929.5 GiB (dir)'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Stale/)).not.toBeInTheDocument();
  });

  it('says when the facts are stale and why', async () => {
    await render(
      <EntityHardwareCard />,
      resource('pve', 'device', {
        kind: 'server',
        live: { ...live, stale: true, error: 'connect ECONNREFUSED' },
      }),
    );
    expect(
      await screen.findByText(
        'Stale: Proxmox VE pve could not be read; facts from 2026-12-01 10:00 UTC (connect ECONNREFUSED).',
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing of Proxmox for a device no Proxmox VE source runs', async () => {
    await render(
      <EntityHardwareCard />,
      resource('nas', 'device', { kind: 'nas', model: 'DS920+' }),
    );
    expect(await screen.findByText('DS920+')).toBeInTheDocument();
    expect(screen.queryByTestId('host-live-facts')).toBeNull();
  });
});
