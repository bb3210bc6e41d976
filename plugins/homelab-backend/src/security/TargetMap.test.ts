import { TargetMap } from './TargetMap';

describe('TargetMap', () => {
  it('tells objects apart by kind, namespace and name', () => {
    const map = new TargetMap<string>();
    map.set({ kind: 'ReplicaSet', namespace: 'shop', name: 'web' }, 'rs');
    map.set({ kind: 'Deployment', namespace: 'shop', name: 'web' }, 'deploy');
    map.set({ kind: 'Deployment', namespace: 'blog', name: 'web' }, 'blog');
    map.set({ kind: 'Deployment', namespace: 'shop', name: 'api' }, 'api');

    expect(
      map.get({ kind: 'ReplicaSet', namespace: 'shop', name: 'web' }),
    ).toBe('rs');
    expect(
      map.get({ kind: 'Deployment', namespace: 'shop', name: 'web' }),
    ).toBe('deploy');
    expect(
      map.get({ kind: 'Deployment', namespace: 'blog', name: 'web' }),
    ).toBe('blog');
    expect(
      map.get({ kind: 'Deployment', namespace: 'shop', name: 'api' }),
    ).toBe('api');
    expect(
      map.get({ kind: 'StatefulSet', namespace: 'shop', name: 'web' }),
    ).toBeUndefined();
    expect(
      map.get({ kind: 'Deployment', namespace: 'shop', name: 'db' }),
    ).toBeUndefined();
  });

  it('replaces what it holds of an object', () => {
    const map = new TargetMap<number>();
    map.set({ kind: 'Node', name: 'rk1-1' }, 1);
    map.set({ kind: 'Node', name: 'rk1-1' }, 2);
    expect(map.get({ kind: 'Node', name: 'rk1-1' })).toBe(2);
  });

  it('takes an absent namespace and an empty one as the same, as object keys do', () => {
    const map = new TargetMap<string>();
    map.set({ kind: 'ClusterRole', name: 'admin' }, 'cluster-scoped');
    expect(map.get({ kind: 'ClusterRole', namespace: '', name: 'admin' })).toBe(
      'cluster-scoped',
    );
  });
});
