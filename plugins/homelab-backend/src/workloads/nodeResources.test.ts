import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { nodeResources, podRequests } from './nodeResources';

// Shapes as `kubectl get -o json` prints them; the node's allocatable is the
// example's recorded RK1 node (examples/snapshots/production/nodes.json).
const node: V1Node = {
  metadata: { name: 'rk1-1' },
  status: {
    allocatable: {
      cpu: '8',
      'ephemeral-storage': '898836525528',
      memory: '32495228Ki',
      pods: '110',
    },
  },
};

const pod = (
  name: string,
  spec: Partial<V1Pod['spec']>,
  phase = 'Running',
): V1Pod => ({
  metadata: { name, namespace: 'flux-system' },
  spec: { nodeName: 'rk1-1', containers: [], ...spec },
  status: { phase },
});

// Flux's source-controller manifest (fluxcd/source-controller
// config/manager/deployment.yaml): requests cpu 50m, memory 64Mi.
const sourceController = pod('source-controller-abc', {
  containers: [
    {
      name: 'manager',
      resources: {
        requests: { cpu: '50m', memory: '64Mi' },
        limits: { cpu: '1000m', memory: '1Gi' },
      },
    },
  ],
});

describe('podRequests', () => {
  it('counts containers and sidecars together, a larger init container alone, and the overhead', () => {
    const requests = podRequests(
      pod('app', {
        initContainers: [
          // Runs before the others and ends: counted alone.
          { name: 'migrate', resources: { requests: { memory: '512Mi' } } },
          // A sidecar keeps running beside the containers.
          {
            name: 'proxy',
            restartPolicy: 'Always',
            resources: { requests: { cpu: '100m', memory: '32Mi' } },
          },
        ],
        containers: [
          {
            name: 'app',
            resources: { requests: { cpu: '250m', memory: '128Mi' } },
          },
          { name: 'no-requests' },
        ],
        overhead: { cpu: '10m' },
      }),
    );
    expect(requests.cpuCores).toBeCloseTo(0.36, 9);
    expect(requests.memoryBytes).toBe(512 * 2 ** 20);
    expect(requests.ephemeralStorageBytes).toBe(0);
  });
});

describe('nodeResources', () => {
  it('sums the requests of the pods that hold each node beside its allocatable', () => {
    expect(
      nodeResources(
        [node, { metadata: { name: 'new-node' }, status: {} }],
        [
          sourceController,
          sourceController,
          pod(
            'done',
            { containers: sourceController.spec!.containers },
            'Succeeded',
          ),
          pod('pending', { nodeName: undefined }, 'Pending'),
        ],
      ),
    ).toEqual([
      {
        name: 'rk1-1',
        allocatable: {
          cpuCores: 8,
          memoryBytes: 32495228 * 1024,
          pods: 110,
          ephemeralStorageBytes: 898836525528,
        },
        requests: {
          cpuCores: 0.1,
          memoryBytes: 128 * 2 ** 20,
          ephemeralStorageBytes: 0,
        },
        pods: 2,
      },
      // A node that states no allocatable: unknown, not zero.
      {
        name: 'new-node',
        allocatable: {},
        requests: { cpuCores: 0, memoryBytes: 0, ephemeralStorageBytes: 0 },
        pods: 0,
      },
    ]);
  });
});
