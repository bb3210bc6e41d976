import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { homelabApiRef } from '../../api/HomelabApi';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import { CapacitySection } from './CapacitySection';

// The example homelab's /capacity answer (src/__testUtils__/capacityOfExample.json).
describe('CapacitySection', () => {
  it("shows every cluster's nodes as headroom bars and the hypervisor's guests against it", async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[homelabApiRef, fakeHomelabApi()]]}>
        <CapacitySection />
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('heading', { name: 'production' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'staging' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'rpi-staging: 1.50 cores requested, 0.14 cores used, of 4.00 cores allocatable; 2.50 cores headroom to all allocatable',
      }),
    ).toBeInTheDocument();
    // Nothing states the Proxmox server's or its VM's figures.
    expect(
      screen.getByText(
        'Proxmox VE server: 1 guest(s) with unknown of unknown vCPUs and unknown of unknown GiB of memory (the inventory)',
      ),
    ).toBeInTheDocument();
  });
});
