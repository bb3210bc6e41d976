import { screen } from '@testing-library/react';
import { render, resource } from './__testUtils__/renderEntityCard';
import { EntityHardwareCard } from './EntityHardwareCard';

// Facts as the catalog module merges them from Proxmox VE's
// /cluster/resources (see its test fixture, a live server's answer).
const live = {
  source: 'pve',
  observedAt: '2026-12-01T10:00:00.000Z',
  stale: false,
  vmid: 100,
  node: 'pve',
  type: 'lxc',
  status: 'running',
  uptimeSeconds: 1204757,
  vcpus: 8,
  cpuUse: 0.0544631947461575,
  memoryBytes: 5389254656,
  memoryMaxBytes: 12884901888,
  diskBytes: 29767077888,
  diskMaxBytes: 134145380352,
};

describe('the live facts of a virtual machine or container', () => {
  it('says whether it runs, where, for how long, and what it uses', async () => {
    await render(
      <EntityHardwareCard />,
      resource('jellyfin', 'virtual-machine', {
        kind: 'virtual-machine',
        vmid: 100,
        live,
      }),
    );
    expect(await screen.findByText('running')).toBeInTheDocument();
    expect(screen.getByText(/^Live/)).toBeInTheDocument();
    expect(screen.getByText('pve (Proxmox VE pve)')).toBeInTheDocument();
    expect(screen.getByText('LXC container')).toBeInTheDocument();
    expect(screen.getByText('13 d 22 h')).toBeInTheDocument();
    expect(screen.getByText('5.4% of 8 vCPUs')).toBeInTheDocument();
    expect(screen.getByText('5 GiB of 12 GiB')).toBeInTheDocument();
    expect(screen.getByText('27.7 GiB of 124.9 GiB')).toBeInTheDocument();
    expect(screen.queryByText(/Stale/)).not.toBeInTheDocument();
  });

  it('says when the facts are stale and why, and when the inventory does not list the guest', async () => {
    const entity = resource('jellyfin', 'virtual-machine', {
      kind: 'virtual-machine',
      live: { ...live, stale: true, error: 'connect ECONNREFUSED' },
    });
    entity.metadata.annotations = {
      'homelab.dev/not-in-inventory':
        'Proxmox VE pve runs lxc/100; the inventory does not list it',
    };
    await render(<EntityHardwareCard />, entity);

    expect(
      await screen.findByText(
        'Not in the inventory: Proxmox VE pve runs lxc/100; the inventory does not list it.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Stale: Proxmox VE pve could not be read; facts from 2026-12-01 10:00 UTC \(connect ECONNREFUSED\)/,
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing live for a VM that no hypervisor reports', async () => {
    await render(
      <EntityHardwareCard />,
      resource('docker-vm', 'virtual-machine', {
        kind: 'virtual-machine',
        vmid: 100,
      }),
    );
    expect(await screen.findByText('virtual-machine')).toBeInTheDocument();
    expect(screen.queryByTestId('guest-live-facts')).not.toBeInTheDocument();
  });
});
