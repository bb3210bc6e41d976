import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { homelabApiRef } from '../../api/HomelabApi';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import { SecurityPage } from './SecurityPage';

const render = (api = fakeHomelabApi(), path = '/') =>
  renderInTestApp(
    <TestApiProvider apis={[[homelabApiRef, api]]}>
      <SecurityPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );

describe('SecurityPage', () => {
  it("shows each cluster's score and counts from the reports", async () => {
    await render();
    const card = (await screen.findByText('Cluster production')).closest(
      '.MuiCard-root',
    ) as HTMLElement;
    expect(within(card).getByText('83')).toBeInTheDocument();
    expect(within(card).getByText('critical 12')).toBeInTheDocument();
    expect(
      within(card).getByText('139 pass, 17 fail, 0 warn'),
    ).toBeInTheDocument();
    expect(
      within(card).getByText('CIS Kubernetes Benchmarks v1.23'),
    ).toBeInTheDocument();
    // A report whose summary disagrees with its results shows both.
    expect(
      within(card).getByText(
        'ConfigAuditReport default/replicaset-nginx-6d4cf56db6: its summary says critical 2, low 9; it lists critical 1, low 1',
      ),
    ).toBeInTheDocument();
  });

  it('selects a cluster by its card’s title, as by its body', async () => {
    const api = fakeHomelabApi();
    await render(api);
    const title = await screen.findByRole('button', {
      name: 'Cluster production',
      pressed: false,
    });
    fireEvent.click(title);
    expect(
      await screen.findByRole('button', {
        name: 'Cluster production',
        pressed: true,
      }),
    ).toBeInTheDocument();
    expect(api.getPostureFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({ cluster: 'production' }),
    );
  });

  it('pages findings through the backend, most severe first, with their fixes and workloads', async () => {
    const api = fakeHomelabApi();
    await render(api);
    expect(await screen.findByText('CVE-2023-45850')).toBeInTheDocument();
    expect(api.getPostureFindings).toHaveBeenLastCalledWith({
      cluster: undefined,
      namespace: undefined,
      entityRef: undefined,
      severity: undefined,
      source: undefined,
      search: undefined,
      offset: 0,
      limit: 20,
    });
    expect(screen.getAllByText('1-20 of 45').length).toBeGreaterThan(0);
    expect(
      screen.getAllByRole('link', { name: 'Deployment/nextcloud' })[0],
    ).toHaveAttribute('href', '/catalog/default/component/nextcloud');
    // The namespaces table has one page; the findings' next page is the enabled one.
    fireEvent.click(
      screen
        .getAllByRole('button', { name: 'Next Page' })
        .find(button => !button.hasAttribute('disabled'))!,
    );
    await waitFor(() =>
      expect(api.getPostureFindings).toHaveBeenLastCalledWith(
        expect.objectContaining({ offset: 20, limit: 20 }),
      ),
    );
  });

  it('narrows findings, namespaces and the trend to what the URL selects', async () => {
    const api = fakeHomelabApi();
    await render(
      api,
      '/?cluster=production&namespace=nextcloud&severity=critical&source=vulnerability',
    );
    await screen.findByText('Findings in production/nextcloud');
    expect(api.getPostureFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({
        cluster: 'production',
        namespace: 'nextcloud',
        severity: ['critical'],
        source: ['vulnerability'],
      }),
    );
    expect(api.getPostureTrend).toHaveBeenCalledWith({
      scope: 'namespace',
      key: 'production/nextcloud',
      days: 30,
    });
    expect(
      screen.getByRole('button', { name: 'critical', pressed: true }),
    ).toBeInTheDocument();
  });

  it('explains when no cluster has reports yet', async () => {
    await render(
      fakeHomelabApi({
        getPostureSummaries: async () => ({ items: [], freshness: [] }),
      }),
    );
    expect(
      await screen.findByText('No security reports yet'),
    ).toBeInTheDocument();
  });
});
