import { screen, waitFor } from '@testing-library/react';
import { cluster, nextcloud, render } from './__testUtils__/renderEntityCard';
import { EntityClusterOverview } from './EntityClusterOverview';
import { EntityDriftCard } from './EntityDriftCard';

// A file of its own: the permission hook caches its answers per module registry.
describe('entity cards for a user the permission framework refuses', () => {
  it('offers no promotion without the promote permission', async () => {
    await render(<EntityDriftCard />, nextcloud, { allow: false });
    expect(
      await screen.findByText('nextcloud: production behind'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Promote/ })).toBeNull();
  });

  it('shows no Flux controls without the Flux permissions', async () => {
    await render(<EntityClusterOverview />, cluster, { allow: false });
    // The table renders again once the permissions are known: query anew.
    await waitFor(() =>
      expect(screen.getByText('flux-system/nextcloud')).toBeInTheDocument(),
    );
    expect(screen.queryByRole('button', { name: 'Reconcile' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Suspend' })).toBeNull();
  });
});
