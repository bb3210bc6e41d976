import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { homelabApiRef } from '../../api/HomelabApi';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import { PowerPage } from './PowerPage';

// The example homelab's /power answer (src/__testUtils__/powerOfExample.json):
// the Turing Pi 2 measured by its plug, the Pi estimated at its 15 W peak.
const render = (api = fakeHomelabApi()) =>
  renderInTestApp(
    <TestApiProvider apis={[[homelabApiRef, api]]}>
      <PowerPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

const row = (text: string | RegExp) =>
  screen.getAllByText(text)[0].closest('tr') as HTMLElement;

describe('PowerPage', () => {
  it('shows each device with its source: measured, estimated from the inventory, or not measured', async () => {
    await render();
    await screen.findByText('Turing Pi 2');
    const board = row('Turing Pi 2');
    expect(within(board).getByText('Measured')).toBeInTheDocument();
    expect(within(board).getByText('0.396 kWh')).toBeInTheDocument();
    expect(within(board).getByText('18.61 SEK')).toBeInTheDocument();
    const pi = row('Raspberry Pi 4B');
    expect(within(pi).getByText('Estimated')).toBeInTheDocument();
    expect(
      within(pi).getByText(
        'inventory: at most 15 W (its peak; no typical draw given)',
      ),
    ).toBeInTheDocument();
    const nas = row('QNAP TS-h973AX');
    expect(within(nas).getByText('Not measured')).toBeInTheDocument();
    expect(within(nas).getAllByText('not measured')).toHaveLength(3);
    expect(within(nas).queryByText(/0\.0/)).toBeNull();
  });

  it("sets the inventory's 5 W per RK1 against each module's measured share", async () => {
    await render();
    await screen.findByText('Turing Pi 2');
    const module1 = row('↳ RK1 module 1');
    expect(within(module1).getByText('5.0 W')).toBeInTheDocument();
    expect(
      within(module1).getByText('+8.1 W in its share over the day'),
    ).toBeInTheDocument();
    expect(
      within(module1).getByText(
        "its share of turing-pi-2's measured draw, by CPU use",
      ),
    ).toBeInTheDocument();
  });

  it('totals the measured and estimated devices and names the tariff', async () => {
    await render();
    expect(
      await screen.findByText('22.680 kWh · 35.33 SEK'),
    ).toBeInTheDocument();
    expect(screen.getByText('5 device(s), not counted')).toBeInTheDocument();
    expect(
      screen.getByText(
        /1\.2 SEK\/kWh, weekday day 06:00–22:00 1\.95 \(Europe\/Stockholm\)/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('power-history')).toBeInTheDocument();
    expect(screen.getByText('Apps, by CPU share')).toBeInTheDocument();
  });
});
