import type { V1Pod } from '@kubernetes/client-node';
import { podPlacement } from './podPlacement';

const pod = (
  name: string,
  owner: { kind: string; name: string } | undefined,
  nodeName: string | undefined,
  phase: string,
): V1Pod => ({
  metadata: {
    name,
    namespace: 'apps',
    ...(owner
      ? {
          ownerReferences: [
            { ...owner, apiVersion: 'apps/v1', uid: name, controller: true },
          ],
        }
      : {}),
  },
  spec: { containers: [], ...(nodeName ? { nodeName } : {}) },
  status: { phase },
});

describe('podPlacement', () => {
  it('counts the pods that hold a node per workload, up the owner chain', () => {
    const owners = {
      'ReplicaSet/apps/web-5d9f': { kind: 'Deployment', name: 'web' },
      'Pod/apps/web-5d9f-a': { kind: 'ReplicaSet', name: 'web-5d9f' },
      'Pod/apps/web-5d9f-b': { kind: 'ReplicaSet', name: 'web-5d9f' },
      'Pod/apps/web-5d9f-c': { kind: 'ReplicaSet', name: 'web-5d9f' },
      'Pod/apps/web-5d9f-d': { kind: 'ReplicaSet', name: 'web-5d9f' },
      'Pod/apps/db-0': { kind: 'StatefulSet', name: 'db' },
    };
    const placement = podPlacement(
      [
        pod(
          'web-5d9f-a',
          { kind: 'ReplicaSet', name: 'web-5d9f' },
          'rk1-1',
          'Running',
        ),
        pod(
          'web-5d9f-b',
          { kind: 'ReplicaSet', name: 'web-5d9f' },
          'rk1-1',
          'Running',
        ),
        // Pending, not yet on a node; and one that finished.
        pod(
          'web-5d9f-c',
          { kind: 'ReplicaSet', name: 'web-5d9f' },
          undefined,
          'Pending',
        ),
        pod(
          'web-5d9f-d',
          { kind: 'ReplicaSet', name: 'web-5d9f' },
          'rk1-2',
          'Failed',
        ),
        pod('db-0', { kind: 'StatefulSet', name: 'db' }, 'rk1-3', 'Running'),
        pod('debug', undefined, 'rk1-2', 'Running'),
      ],
      owners,
    );
    expect(Object.fromEntries(placement)).toEqual({
      'Deployment/apps/web': { 'rk1-1': 2 },
      'StatefulSet/apps/db': { 'rk1-3': 1 },
      'Pod/apps/debug': { 'rk1-2': 1 },
    });
  });
});
