import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import alphaPlugin from './alpha';
import { homelabApiRef } from './api/HomelabApi';
import { HomelabPage, homelabPlugin } from './plugin';
import { fakeHomelabApi } from './__testUtils__/fixtures';

// Cytoscape needs a canvas, which jsdom lacks; the browser tests draw it.
jest.mock('./components/TopologyPage/TopologyGraphView', () => ({
  TopologyGraphView: () => <div>topology drawn here</div>,
}));

describe('the homelab plugin', () => {
  it('serves the legacy frontend system: a page with topology, security and SLO tabs', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[homelabApiRef, fakeHomelabApi()]]}>
        <Routes>
          <Route path="/homelab/*" element={<HomelabPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/homelab/topology'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('topology drawn here')).toBeInTheDocument();
    for (const tab of ['Topology', 'Security', 'SLOs'])
      expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    expect(homelabPlugin.getId()).toBe('homelab');
  });

  it('serves the new frontend system: the page, its tabs, the cards, the cluster tab, the API and the Mermaid addon', () => {
    const ids = [
      'api:homelab',
      'page:homelab',
      'sub-page:homelab/topology',
      'sub-page:homelab/security',
      'sub-page:homelab/slos',
      'entity-card:homelab/hardware',
      'entity-card:homelab/posture',
      'entity-card:homelab/slos',
      'entity-card:homelab/drift',
      'entity-card:homelab/scorecard',
      'entity-content:homelab/cluster',
      'addon:homelab/mermaid',
    ];
    for (const id of ids)
      expect(alphaPlugin.getExtension(id as any)).toBeDefined();
  });
});
