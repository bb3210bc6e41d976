import { Entity } from '@backstage/catalog-model';
import { EntityIndex } from './EntityIndex';

const component = (
  name: string,
  annotations: Record<string, string>,
  spec: NonNullable<Entity['spec']> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec,
});

describe('EntityIndex', () => {
  it('finds an object by kubernetes-id, by an equality label selector, and within the namespace an entity is narrowed to', () => {
    const index = new EntityIndex([
      component('nextcloud', { 'backstage.io/kubernetes-id': 'nextcloud' }),
      component('vaultwarden', {
        'backstage.io/kubernetes-label-selector':
          'app.kubernetes.io/name=vaultwarden, app.kubernetes.io/instance==vw',
      }),
      component('grafana', {
        'backstage.io/kubernetes-id': 'grafana',
        'backstage.io/kubernetes-namespace': 'monitoring',
      }),
      // Set-based selectors are not matched.
      component('set-based', {
        'backstage.io/kubernetes-label-selector': 'tier in (web)',
      }),
    ]);
    expect(
      index.entityFor('production', 'apps', {
        'backstage.io/kubernetes-id': 'nextcloud',
      }),
    ).toBe('component:default/nextcloud');
    expect(
      index.entityFor('production', 'apps', {
        'app.kubernetes.io/instance': 'vw',
        'app.kubernetes.io/name': 'vaultwarden',
        'pod-template-hash': '7d9f8b6c5d',
      }),
    ).toBe('component:default/vaultwarden');
    // One label of the selector is not enough.
    expect(
      index.entityFor('production', 'apps', {
        'app.kubernetes.io/name': 'vaultwarden',
      }),
    ).toBeUndefined();
    expect(
      index.entityFor('production', 'monitoring', {
        'backstage.io/kubernetes-id': 'grafana',
      }),
    ).toBe('component:default/grafana');
    expect(
      index.entityFor('production', 'apps', {
        'backstage.io/kubernetes-id': 'grafana',
      }),
    ).toBeUndefined();
    expect(
      index.entityFor('production', 'apps', { tier: 'web' }),
    ).toBeUndefined();
    expect(index.claimsAny).toBe(true);
  });

  it('gives an object both entities match to the first in catalog order, whichever labels they match on', () => {
    const selector = component('web-by-selector', {
      'backstage.io/kubernetes-label-selector': 'tier=web',
    });
    const id = component('web-by-id', {
      'backstage.io/kubernetes-id': 'web',
    });
    const labels = { 'backstage.io/kubernetes-id': 'web', tier: 'web' };
    expect(new EntityIndex([selector, id]).entityFor('c', 'ns', labels)).toBe(
      'component:default/web-by-selector',
    );
    expect(new EntityIndex([id, selector]).entityFor('c', 'ns', labels)).toBe(
      'component:default/web-by-id',
    );
  });

  it("gives objects no annotation claims to the namespace's platform service, by app name where several share it", () => {
    const service = (name: string) =>
      component(
        name,
        {},
        {
          type: 'platform-service',
          homelab: { cluster: 'production', namespace: 'monitoring' },
        },
      );
    const index = new EntityIndex([
      service('production-grafana'),
      service('production-prometheus'),
      component(
        'longhorn',
        {},
        {
          type: 'platform-service',
          homelab: { cluster: 'production', namespace: 'longhorn-system' },
        },
      ),
    ]);
    expect(index.entityFor('production', 'longhorn-system', {})).toBe(
      'component:default/longhorn',
    );
    expect(
      index.entityFor('production', 'monitoring', {
        'app.kubernetes.io/name': 'prometheus',
      }),
    ).toBe('component:default/production-prometheus');
    expect(index.entityFor('production', 'monitoring', {})).toBeUndefined();
    expect(index.entityFor('staging', 'longhorn-system', {})).toBeUndefined();
    expect(new EntityIndex([]).claimsAny).toBe(false);
  });
});
