import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { homelabApiRef } from '../../api/HomelabApi';
import { rootRouteRef } from '../../routes';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import { EntityPowerCard } from './EntityPowerCard';

// The example homelab's /power answer (src/__testUtils__/powerOfExample.json).
const render = (entity: Entity) =>
  renderInTestApp(
    <TestApiProvider apis={[[homelabApiRef, fakeHomelabApi()]]}>
      <EntityProvider entity={entity}>
        <EntityPowerCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/homelab': rootRouteRef } },
  );

const resource = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'device', homelab: {} },
});

describe('EntityPowerCard', () => {
  it("shows a measured device's draw, energy and cost with its source", async () => {
    await render(resource('turing-pi-2'));
    expect(await screen.findByText('Power')).toBeInTheDocument();
    expect(
      screen.getByText(/^Measured: avg_over_time\(\(sum\(shelly_power_watts/),
    ).toBeInTheDocument();
    expect(screen.getByText('0.396 kWh · 0.48 SEK')).toBeInTheDocument();
  });

  it('says "not measured", and why, never 0 W', async () => {
    await render(resource('qnap'));
    expect(
      await screen.findByText(
        'Not measured: no measured source is configured, and the inventory gives no power figures',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('not measured')).toHaveLength(3);
    expect(screen.queryByText(/0\.0 W/)).toBeNull();
  });

  it("shows an app's share in each cluster it runs in", async () => {
    await render({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'nextcloud', namespace: 'default' },
      spec: { type: 'service' },
    });
    expect(
      await screen.findByText('In production (measured)'),
    ).toBeInTheDocument();
    expect(screen.getByText('In staging (estimated)')).toBeInTheDocument();
  });

  it('shows nothing for an entity the report does not cover', async () => {
    const { container } = await render(resource('not-a-device'));
    expect(container).toBeEmptyDOMElement();
  });
});
