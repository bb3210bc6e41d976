import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { homelabApiRef } from '../../api/HomelabApi';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import { SloPage } from './SloPage';

const render = (api = fakeHomelabApi(), path = '/') =>
  renderInTestApp(
    <TestApiProvider apis={[[homelabApiRef, api]]}>
      <SloPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );

const row = (name: string) =>
  screen.getByText(name).closest('tr') as HTMLElement;

describe('SloPage', () => {
  it('lists every SLO with objective, attainment, budget, burn rates and state', async () => {
    await render();
    await screen.findByText('Nextcloud availability');
    const nextcloud = row('Nextcloud availability');
    expect(within(nextcloud).getByText('99.9% / 30d')).toBeInTheDocument();
    expect(within(nextcloud).getByText('99.867%')).toBeInTheDocument();
    expect(within(nextcloud).getByText('-32.5% overspent')).toBeInTheDocument();
    expect(
      within(nextcloud).getByText('3d/6h 8.75× of 1× ticket'),
    ).toBeInTheDocument();
    // Each rate beside its threshold: 8.75× is over half of 14.4×.
    expect(
      within(nextcloud).getByText('1h/5m 8.75× of 14.4×'),
    ).toBeInTheDocument();
    expect(within(nextcloud).getByText('Breaching')).toBeInTheDocument();
  });

  it('says "No data" and "Stale" where they apply, never a healthy 100%', async () => {
    await render();
    await screen.findByText('grafana-http-errors');
    expect(
      within(row('grafana-http-errors')).getByText('No data'),
    ).toBeInTheDocument();
    expect(within(row('grafana-http-errors')).queryByText('100%')).toBeNull();
    expect(
      within(row('Vaultwarden availability')).getByText('Stale'),
    ).toBeInTheDocument();
  });

  it('opens an SLO with its error-budget burn-down', async () => {
    const api = fakeHomelabApi();
    await render(api, '/?slo=vaultwarden');
    expect(
      await screen.findByText(
        /Stale: these values are from 2026-11-22 08:00 UTC; the last evaluation failed: Prometheus answered 503/,
      ),
    ).toBeInTheDocument();
    expect(api.getSlo).toHaveBeenCalledWith('vaultwarden');
    expect(screen.getByText('Error budget burn-down')).toBeInTheDocument();
  });

  it('says when an SLO has too few events to be judged, rather than burning its budget', async () => {
    const fake = fakeHomelabApi();
    const api = fakeHomelabApi({
      getSlo: async id => {
        const { slo, ...rest } = await fake.getSlo(id);
        return {
          ...rest,
          slo: {
            ...slo,
            state: 'not-enough-data',
            alert: null,
            events: 142.6,
            minimumEvents: 1000,
          },
        };
      },
    });
    await render(api, '/?slo=nextcloud');
    expect(
      await screen.findByText(
        /Not enough data: 143 events in its window, fewer than the 1000 needed to judge it/,
      ),
    ).toBeInTheDocument();
    // Its overspent budget (-32.5%) is not called overspent, nor drawn red.
    const detail = screen.getByLabelText(
      'error budget remaining -32.5%, not judged: too few events',
    );
    expect(detail).toBeInTheDocument();
    expect(screen.getAllByText(/-32\.5% · not judged/)).not.toHaveLength(0);
  });

  it("says how the SLI is computed, as the SLO's tool computes it", async () => {
    const fake = fakeHomelabApi();
    const api = fakeHomelabApi({
      getSlo: async id => {
        const { slo, ...rest } = await fake.getSlo(id);
        return {
          ...rest,
          slo: {
            ...slo,
            slo: { ...slo.slo, periodErrorRatio: 'mean-of-5m-ratios' },
          },
        };
      },
    });
    await render(api, '/?slo=nextcloud');
    expect(
      await screen.findByText(
        "Mean of the 5-minute success ratios over 30d, as Sloth's rules compute it",
      ),
    ).toBeInTheDocument();
    await render(fake, '/?slo=nextcloud');
    expect(
      await screen.findByText('Good events out of all events over 30d'),
    ).toBeInTheDocument();
  });

  it('selects an SLO by clicking it', async () => {
    const api = fakeHomelabApi();
    await render(api);
    fireEvent.click(await screen.findByText('Nextcloud availability'));
    expect(
      await screen.findByText('Error budget burn-down'),
    ).toBeInTheDocument();
    expect(api.getSlo).toHaveBeenCalledWith('nextcloud');
  });

  it('explains how to define SLOs when there are none', async () => {
    await render(
      fakeHomelabApi({ getSlos: async () => ({ items: [], freshness: [] }) }),
    );
    expect(await screen.findByText('No SLOs defined')).toBeInTheDocument();
  });
});
