import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import { render, resource } from './__testUtils__/renderEntityCard';
import { EntityBlastRadiusCard } from './EntityBlastRadiusCard';

const rk1 = resource('rk1-1', 'device', { kind: 'compute-module' });

describe('EntityBlastRadiusCard', () => {
  it("says what goes down with the device: the cluster's control plane and etcd, SLOs and workloads", async () => {
    const api = fakeHomelabApi();
    await render(<EntityBlastRadiusCard />, rk1, { api });
    expect(
      await screen.findByText(
        /^Without RK1 module 1: production loses 1 of 3 nodes/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Control plane lost')).toBeInTheDocument();
    expect(
      screen.getByText('etcd quorum lost (0 of 1 members left)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Nextcloud availability' }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(/\/slos\?slo=05508159247bd516$/),
    );
    expect(
      screen.getByText(/^Apps \(13\) and workloads \(27\)/),
    ).toBeInTheDocument();
    // What each effect means, said once, not per row.
    expect(screen.getAllByText(/stops and stays down/)).toHaveLength(1);
    expect(api.getBlastRadius).toHaveBeenCalledWith({
      entityRef: 'resource:default/rk1-1',
      mode: 'failure',
    });
  });

  it('asks again for a planned maintenance', async () => {
    const api = fakeHomelabApi();
    await render(<EntityBlastRadiusCard />, rk1, { api });
    fireEvent.click(await screen.findByRole('button', { name: 'Maintenance' }));
    await waitFor(() =>
      expect(api.getBlastRadius).toHaveBeenLastCalledWith({
        entityRef: 'resource:default/rk1-1',
        mode: 'maintenance',
      }),
    );
    expect(
      await screen.findByText('If RK1 module 1 is taken down for maintenance'),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend cannot answer', async () => {
    const api = fakeHomelabApi({
      getBlastRadius: async () => {
        throw new Error(
          'No homelab resource "resource:default/rk1-1" in the catalog',
        );
      },
    });
    await render(<EntityBlastRadiusCard />, rk1, { api });
    expect(
      (await screen.findAllByText(/No homelab resource/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Control plane lost')).not.toBeInTheDocument();
  });
});
