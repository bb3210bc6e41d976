import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { hypervisorCapacity } from './hypervisorCapacity';

const GIB = 2 ** 30;
const resource = (name: string, type: string, homelab: JsonObject): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name },
  spec: { type, homelab },
});
const LIVE = {
  source: 'pve',
  observedAt: '2026-11-22T06:00:00.000Z',
  stale: false,
};

describe('hypervisorCapacity', () => {
  it("counts active guests' vCPUs and memory, live where Proxmox VE was read, against the host", () => {
    const entities = [
      resource('pve1', 'device', {
        cpu: { cores: 8, threads: 16 },
        memoryGB: 64,
      }),
      // Live: Proxmox VE's maxcpu and maxmem of the guest.
      resource('k8s-worker', 'virtual-machine', {
        hostedOn: 'resource:default/pve1',
        vcpus: 2,
        live: {
          ...LIVE,
          vmid: 101,
          node: 'pve1',
          type: 'qemu',
          status: 'running',
          vcpus: 4,
          memoryMaxBytes: 8 * GIB,
        },
      }),
      // From the inventory: the larger end of its range.
      resource('db', 'virtual-machine', {
        hostedOn: 'resource:default/pve1',
        vcpus: { min: 2, max: 4 },
        memoryGB: { min: 8, max: 16 },
      }),
      resource('later', 'virtual-machine', {
        hostedOn: 'resource:default/pve1',
        status: 'planned',
        vcpus: 32,
      }),
    ];
    expect(hypervisorCapacity(entities)).toEqual([
      {
        entityRef: 'resource:default/pve1',
        name: 'pve1',
        cpus: 16,
        memoryBytes: 64 * GIB,
        source: 'inventory',
        allocatedVcpus: 8,
        allocatedMemoryBytes: 24 * GIB,
        guests: [
          {
            entityRef: 'resource:default/db',
            name: 'db',
            vcpus: 4,
            memoryBytes: 16 * GIB,
            source: 'inventory',
          },
          {
            entityRef: 'resource:default/k8s-worker',
            name: 'k8s-worker',
            vcpus: 4,
            memoryBytes: 8 * GIB,
            source: 'proxmox',
            observedAt: LIVE.observedAt,
          },
        ],
      },
    ]);
  });
});
