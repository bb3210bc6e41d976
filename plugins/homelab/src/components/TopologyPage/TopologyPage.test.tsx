import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { homelabApiRef } from '../../api/HomelabApi';
import {
  fakeHomelabApi,
  staleProduction,
  topology,
} from '../../__testUtils__/fixtures';
import { TopologyPage } from './TopologyPage';

// Cytoscape draws on a canvas, which jsdom does not have: these tests stand
// in a list of the nodes it was given, and the browser tests draw for real.
jest.mock('./TopologyGraphView', () => {
  const { canvasLabel } = jest.requireActual('./filterTopology');
  return {
    TopologyGraphView: (props: {
      nodes: Array<{ id: string; label: string }>;
      onSelect(id: string): void;
    }) => (
      <ul aria-label="drawn nodes">
        {props.nodes.map(node => (
          <li key={node.id}>
            <button onClick={() => props.onSelect(node.id)}>
              {canvasLabel(node)}
            </button>
          </li>
        ))}
      </ul>
    ),
  };
});

const render = (api = fakeHomelabApi(), path = '/') =>
  renderInTestApp(
    <TestApiProvider apis={[[homelabApiRef, api]]}>
      <TopologyPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );

const drawn = () =>
  within(screen.getByRole('list', { name: 'drawn nodes' }))
    .getAllByRole('button')
    .map(b => b.textContent);

describe('TopologyPage', () => {
  it('draws the estate with workloads folded into namespaces, and says how much it drew', async () => {
    const getTopology = jest.fn(async () => topology);
    await render(fakeHomelabApi({ getTopology }));
    expect(
      await screen.findByText(/12 nodes, 11 connections/),
    ).toBeInTheDocument();
    expect(drawn()).toContain('nextcloud (2)');
    expect(drawn()).not.toContain('nextcloud-postgresql');
    // The overview is asked for folded; the backend leaves workloads out.
    expect(getTopology).toHaveBeenCalledWith({ workloads: 'folded' });
  });

  it('says why a namespace is not healthy and what it runs', async () => {
    await render();
    fireEvent.click(
      (await screen.findAllByRole('button', { name: 'nextcloud (2)' }))[0],
    );
    const details = screen.getByTestId('topology-node-details');
    expect(
      within(details).getByText('2 workloads, 1 ready, 1 degraded'),
    ).toBeInTheDocument();
    expect(
      within(details).getByText('nextcloud-postgresql: warning'),
    ).toBeInTheDocument();
  });

  it('finds a node once, with the cluster beside names that clusters share', async () => {
    await render();
    fireEvent.change(await screen.findByLabelText('Find a node'), {
      target: { value: 'nextcloud' },
    });
    expect(
      screen.getAllByRole('option').map(option => option.textContent),
    ).toEqual(['nextcloud · production', 'nextcloud · staging']);
    fireEvent.click(
      screen.getByRole('option', { name: 'nextcloud · staging' }),
    );
    expect(
      within(screen.getByTestId('topology-node-details')).getByText(
        'Staging cluster',
      ),
    ).toBeInTheDocument();
  });

  it('narrows to a cluster given in the URL, and shows workloads when asked', async () => {
    await render(undefined, '/?cluster=staging&workloads=show');
    expect(await screen.findByText(/7 nodes/)).toBeInTheDocument();
    expect(drawn()).toEqual(
      expect.arrayContaining(['Staging cluster', 'Raspberry Pi 4B']),
    );
    expect(drawn()).not.toContain('Production cluster');
  });

  it('shows a selected node with its neighbours and the way to its catalog entity', async () => {
    await render();
    fireEvent.click(
      await screen.findByRole('button', { name: 'RK1 module 1' }),
    );
    const details = screen.getByTestId('topology-node-details');
    expect(within(details).getByText('Device')).toBeInTheDocument();
    expect(within(details).getByText('ServerLAN')).toBeInTheDocument();
    expect(
      within(details).getByRole('link', { name: 'Open in the catalog' }),
    ).toHaveAttribute('href', '/catalog/default/resource/rk1-1');
  });

  it('says which data is stale and since when', async () => {
    await render(
      fakeHomelabApi({
        getTopology: async () => ({ ...topology, freshness: staleProduction }),
      }),
    );
    expect(
      await screen.findByText(
        /security of production: stale, data from 2026-11-22 09:00 UTC; last attempt 2026-11-22 10:30 UTC failed: cluster production: GET \/apis answered 503/,
      ),
    ).toBeInTheDocument();
  });

  it('explains an empty estate', async () => {
    await render(
      fakeHomelabApi({
        getTopology: async () => ({
          ...topology,
          nodes: [topology.nodes[0]],
          edges: [],
        }),
      }),
    );
    expect(await screen.findByText('No topology yet')).toBeInTheDocument();
  });

  it('shows an error when the backend fails', async () => {
    await render(
      fakeHomelabApi({
        getTopology: async () => {
          throw new Error('homelab backend is down');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/homelab backend is down/)).length,
    ).toBeGreaterThan(0);
  });
});
