import { screen, waitFor, within } from '@testing-library/react';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import { NodeFitField } from './NodeFitField';
import { renderFormField } from '../../__testUtils__/renderFormField';

const GiB = 2 ** 30;

describe('NodeFitField', () => {
  it('finds slot 4 of the Turing Pi free, and power not known without a stated supply', async () => {
    const { onChange } = await renderFormField(NodeFitField, {
      platform: 'turingPi',
      board: 'resource:default/turing-pi-2',
      slot: 4,
    });
    const fit = within(await screen.findByTestId('node-fit'));
    expect(fit.getByText('Slot · Fits')).toBeInTheDocument();
    expect(fit.getByText('slot 4 of turing-pi-2 is free')).toBeInTheDocument();
    expect(
      fit.getByText(
        'the inventory states no power supply for turing-pi-2 (power.supplyW)',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('unknown'));
  });

  it('refuses a slot that holds a module', async () => {
    const { onChange } = await renderFormField(NodeFitField, {
      platform: 'turingPi',
      board: 'resource:default/turing-pi-2',
      slot: 1,
    });
    expect(
      await screen.findByText('slot 1 of turing-pi-2 holds rk1-1'),
    ).toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('does-not-fit'));
  });

  it('checks a VM against its host as Proxmox VE reported it', async () => {
    const answer = await fakeHomelabApi().getCapacity();
    // The recorded Proxmox VE answer of the demo: 16 CPUs, 62.7 GiB, one 4-vCPU 8 GiB guest.
    const live = {
      ...answer.capacity.hypervisors[0],
      cpus: 16,
      memoryBytes: 62.7 * GiB,
      source: 'proxmox' as const,
      observedAt: '2026-11-28T12:00:00.000Z',
      allocatedVcpus: 4,
      allocatedMemoryBytes: 8 * GiB,
    };
    const api = fakeHomelabApi({
      getCapacity: async () => ({
        ...answer,
        capacity: { ...answer.capacity, hypervisors: [live] },
      }),
    });
    const { onChange } = await renderFormField(
      NodeFitField,
      {
        platform: 'proxmox',
        proxmoxHost: 'resource:default/proxmox',
        cores: 4,
        memoryGB: 64,
      },
      api,
    );
    const fit = within(await screen.findByTestId('node-fit'));
    expect(
      fit.getByText(
        'The host and its guests as Proxmox VE reported them 2026-11-28 12:00 UTC',
      ),
    ).toBeInTheDocument();
    expect(
      fit.getByText(
        "72.0 GiB of 62.7 GiB as Proxmox VE reports with this VM's 64.0 GiB: more than the host has",
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('does-not-fit'));
  });

  it('never claims a fit for a host the inventory says nothing of', async () => {
    await renderFormField(NodeFitField, {
      platform: 'proxmox',
      proxmoxHost: 'resource:default/proxmox',
      cores: 2,
      memoryGB: 4,
    });
    expect(
      await screen.findByText("proxmox's CPUs are not known"),
    ).toBeInTheDocument();
    expect(screen.getByText('Not known')).toBeInTheDocument();
  });

  it('has nothing to check for a machine that runs already', async () => {
    await renderFormField(NodeFitField, { platform: 'existing' });
    expect(
      screen.getByText(/A machine that runs already takes no slot/),
    ).toBeInTheDocument();
  });
});
