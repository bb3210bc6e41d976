import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/**
 * Writes a valid homelab inventory of `deviceCount` devices into `directory`,
 * split into files as a real one would be (site, networks, clusters, storage,
 * and devices in files of 1,000). The estate repeats one rack of ten devices:
 * a 4-slot board with three compute modules, a single-board computer, a
 * server with a VM, a switch, a NAS and a UPS. Every 20 racks form a cluster
 * of their 60 modules, and every 100 racks share a /21 network.
 */
export function generateInventory(directory: string, deviceCount: number) {
  const racks = Math.ceil(deviceCount / 10);
  const networks = Math.ceil(racks / 100);
  const file = (name: string, body: object) =>
    fs.writeFileSync(
      path.join(directory, name),
      stringify(
        { apiVersion: 'homelab.dev/v1alpha1', kind: 'Inventory', ...body },
        { lineWidth: 0 },
      ),
    );
  fs.mkdirSync(directory, { recursive: true });

  file('site.yaml', {
    site: {
      name: 'bench',
      title: 'Benchmark lab',
      owner: 'group:homelab-admins',
    },
    environments: [
      { name: 'staging', promotesTo: 'production' },
      { name: 'production' },
    ],
  });

  file('networks.yaml', {
    networks: Array.from({ length: networks }, (_, n) => ({
      name: `net-${n}`,
      vlan: 100 + n,
      cidr: `10.${n}.0.0/21`,
      gateway: `10.${n}.0.1`,
      dhcp: [{ start: `10.${n}.7.0`, end: `10.${n}.7.254` }],
    })),
  });

  // Addresses of rack r: 10 per rack from 10.n.0.10 upward, n = r / 100.
  const address = (rack: number, slot: number) => {
    const n = Math.floor(rack / 100);
    const offset = 10 + (rack % 100) * 10 + slot;
    return `10.${n}.${Math.floor(offset / 256)}.${offset % 256}`;
  };
  const devices: object[] = [];
  for (let r = 0; r < racks; r++) {
    const network = `net-${Math.floor(r / 100)}`;
    const nic = (slot: number) => [{ network, address: address(r, slot) }];
    devices.push(
      {
        name: `board-${r}`,
        kind: 'board',
        vendor: 'Turing Machines',
        model: 'Turing Pi 2',
        slots: 4,
      },
      ...[1, 2, 3].map(slot => ({
        name: `module-${r}-${slot}`,
        kind: 'compute-module',
        vendor: 'Turing Machines',
        model: 'RK1',
        architecture: 'arm64',
        cpu: { cores: 8 },
        memoryGB: 32,
        accelerators: [{ type: 'npu', tops: 6 }],
        slot: { board: `board-${r}`, number: slot },
        interfaces: nic(slot),
        links: [{ device: `switch-${r}` }],
      })),
      {
        name: `pi-${r}`,
        kind: 'sbc',
        architecture: 'arm64',
        memoryGB: 8,
        interfaces: nic(4),
      },
      {
        name: `server-${r}`,
        kind: 'server',
        architecture: 'amd64',
        interfaces: nic(5),
      },
      {
        name: `vm-${r}`,
        kind: 'virtual-machine',
        host: `server-${r}`,
        vmid: 100 + r,
        interfaces: nic(6),
      },
      { name: `switch-${r}`, kind: 'switch', ports: 24, interfaces: nic(7) },
      {
        name: `nas-${r}`,
        kind: 'nas',
        disks: [{ type: 'hdd', sizeGB: 12000, count: 5 }],
        interfaces: nic(8),
      },
      { name: `ups-${r}`, kind: 'ups' },
    );
  }
  for (let chunk = 0; chunk * 1000 < deviceCount; chunk++) {
    file(`devices-${String(chunk).padStart(3, '0')}.yaml`, {
      devices: devices.slice(
        chunk * 1000,
        Math.min((chunk + 1) * 1000, deviceCount),
      ),
    });
  }

  const deviceNames = new Set(
    devices
      .slice(0, deviceCount)
      .map(device => (device as { name: string }).name),
  );
  const clusterCount = Math.ceil(racks / 20);
  file('clusters.yaml', {
    clusters: Array.from({ length: clusterCount }, (_, c) => {
      const firstRack = c * 20;
      const rackIds = Array.from(
        { length: Math.min(20, racks - firstRack) },
        (_, i) => firstRack + i,
      );
      const n = Math.floor(firstRack / 100);
      const poolBase = (c % 5) * 40;
      return {
        name: `cluster-${c}`,
        environment: c % 10 === 0 ? 'staging' : 'production',
        distribution: 'talos',
        podCidr: '172.16.0.0/16',
        serviceCidr: '172.17.0.0/16',
        nodes: rackIds.flatMap(r =>
          [1, 2, 3]
            .filter(slot => deviceNames.has(`module-${r}-${slot}`))
            .map(slot => ({
              name: `module-${r}-${slot}`,
              device: `module-${r}-${slot}`,
              roles:
                r === firstRack
                  ? ['control-plane', 'worker']
                  : ['worker', 'storage'],
            })),
        ),
        loadBalancerPools: [
          {
            name: `pool-${c}`,
            type: 'metallb',
            network: `net-${n}`,
            addresses: [
              {
                start: `10.${n}.6.${poolBase}`,
                end: `10.${n}.6.${poolBase + 39}`,
              },
            ],
          },
        ],
        platformServices: ['flux', 'traefik', 'longhorn', 'prometheus'].map(
          name => ({
            name,
            category: (
              {
                flux: 'gitops',
                traefik: 'ingress',
                longhorn: 'storage',
                prometheus: 'monitoring',
              } as const
            )[name],
            namespace: name,
          }),
        ),
      };
    }),
  });

  file('storage.yaml', {
    storage: Array.from({ length: clusterCount }, (_, c) => ({
      name: `longhorn-${c}`,
      kind: 'longhorn',
      cluster: `cluster-${c}`,
      replicas: 2,
    })),
  });
}
