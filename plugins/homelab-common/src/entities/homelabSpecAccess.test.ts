import type { Entity } from '@backstage/catalog-model';
import { getHomelabSpec, parseHomelabSpec } from './homelabSpecAccess';
import { HOMELAB_RESOURCE_TYPES } from './model';

const resource = (spec: Record<string, unknown>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'rk1-1' },
  spec: { owner: 'group:homelab', ...spec },
});

const node = {
  cluster: 'production',
  nodeName: 'rk1-1',
  roles: ['control-plane'],
  presence: 'not-checked',
  hostedOn: 'resource:default/rk1-1',
};

describe('getHomelabSpec', () => {
  it('gives the spec.homelab the entity holds, unchecked', () => {
    const entity = resource({
      type: HOMELAB_RESOURCE_TYPES.node,
      homelab: { cluster: 'production', unexpected: true },
    });
    expect(getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.node>(entity)).toEqual({
      cluster: 'production',
      unexpected: true,
    });
  });

  it('gives an empty spec to an entity without one', () => {
    expect(getHomelabSpec(resource({ type: 'database' }))).toEqual({});
  });
});

describe('parseHomelabSpec', () => {
  it('says absent when the entity has no spec.homelab', () => {
    expect(
      parseHomelabSpec(resource({ type: HOMELAB_RESOURCE_TYPES.node })),
    ).toEqual({ state: 'absent' });
  });

  it('says unknown-type when the spec.type has no homelab schema', () => {
    expect(
      parseHomelabSpec(resource({ type: 'database', homelab: {} })),
    ).toEqual({ state: 'unknown-type', type: 'database' });
  });

  it('lists where and why a spec.homelab misses its schema', () => {
    const check = parseHomelabSpec(
      resource({
        type: HOMELAB_RESOURCE_TYPES.node,
        homelab: { ...node, roles: ['control-plane', 7] },
      }),
    );
    expect(check).toEqual({
      state: 'invalid',
      type: HOMELAB_RESOURCE_TYPES.node,
      issues: [{ path: ['roles', 1], message: expect.any(String) }],
    });
  });

  it('gives the parsed spec when it matches', () => {
    expect(
      parseHomelabSpec(
        resource({ type: HOMELAB_RESOURCE_TYPES.node, homelab: node }),
      ),
    ).toEqual({
      state: 'valid',
      type: HOMELAB_RESOURCE_TYPES.node,
      spec: node,
    });
  });
});
