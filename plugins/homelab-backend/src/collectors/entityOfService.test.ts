import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entityOfService } from './createCollectors';
import { serviceKey } from './SloCollector';

const component = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

describe('the entity of the service an SLO names', () => {
  const find = entityOfService(
    catalogServiceMock({
      entities: [
        // The inventory's platform service of the production cluster.
        component('production-traefik'),
        // An app whose workloads carry another name than its Component.
        component('home-assistant', {
          'backstage.io/kubernetes-id': 'hass',
        }),
        // Two Components claiming one workload name: neither is guessed.
        component('grafana-a', { 'backstage.io/kubernetes-id': 'grafana' }),
        component('grafana-b', { 'backstage.io/kubernetes-id': 'grafana' }),
        component('grafana'),
        component('nextcloud'),
      ],
    }),
    mockServices.auth(),
  );

  it("is a cluster's platform service, the Component of its kubernetes-id, or the Component of its name", async () => {
    const services = [
      { service: 'traefik', cluster: 'production' },
      // Staging has no platform service of the name.
      { service: 'traefik', cluster: 'staging' },
      { service: 'hass', cluster: 'production' },
      { service: 'grafana', cluster: 'production' },
      { service: 'nextcloud' },
      { service: 'unknown' },
    ];
    const found = await find(services);
    expect(services.map(s => found.get(serviceKey(s)))).toEqual([
      'component:default/production-traefik',
      undefined,
      'component:default/home-assistant',
      'component:default/grafana',
      'component:default/nextcloud',
      undefined,
    ]);
  });
});
