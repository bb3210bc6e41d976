import { InventoryProblem } from '../problems';
import { validateInventoryFiles } from '../validateInventory';

/*
 * Every problem of virtual machines against their hosts
 * (rules/virtualMachines.ts), word for word and where: the architecture a
 * host runs natively, a VM bigger than its host, and the VMs of a host
 * together over its over-commit ratios (4 vCPUs per CPU and 1 GB per GB
 * unless the site or the host says otherwise). Each case writes the hosts
 * and VMs of a one-network inventory.
 */

/** An inventory whose devices are a router and the given ones, one per line. */
const inventory = (
  devices: string[],
  site = '',
) => `apiVersion: homelab.dev/v1alpha2
kind: Inventory
site: { name: lab, owner: group:admins${site} }
networks:
  - name: lan
    cidr: 10.0.0.0/24
    gateway: 10.0.0.1
devices:
  - { name: router, kind: router, interfaces: [{ network: lan, address: 10.0.0.1 }] }
${devices.map(device => `  - ${device}\n`).join('')}`;

/** Problems without their line and column. */
const problemsOf = (devices: string[], site?: string) =>
  validateInventoryFiles([
    { name: 'inventory.yaml', content: inventory(devices, site) },
  ]).problems.map(
    (p: InventoryProblem) =>
      `${p.severity} ${p.path}: ${p.message} [${p.rule}]`,
  );

const host = (name: string, fields: string) =>
  `{ name: ${name}, kind: server, ${fields} }`;
const vm = (name: string, onHost: string, fields: string) =>
  `{ name: ${name}, kind: virtual-machine, host: ${onHost}, ${fields} }`;

describe('the architecture of a virtual machine and of its host', () => {
  it.each<[string, string[], string[]]>([
    [
      'architectures each host runs natively',
      [
        host('x86', 'architecture: amd64'),
        host('arm', 'architecture: arm64'),
        host('pi', 'architecture: armv7'),
        host('rv', 'architecture: riscv64'),
        vm('vm-1', 'x86', 'architecture: amd64'),
        vm('vm-2', 'arm', 'architecture: arm64'),
        vm('vm-3', 'arm', 'architecture: armv7'),
        vm('vm-4', 'pi', 'architecture: armv7'),
        vm('vm-5', 'rv', 'architecture: riscv64'),
        vm('vm-6', 'x86', 'vcpus: 1'),
        // Not a device: the reference rule says so, not this one.
        vm('vm-7', 'rv2', 'architecture: amd64'),
      ],
      [
        'error devices[11].host: unknown device "rv2"; did you mean "rv"? Known devices: router, x86, arm, pi, rv, vm-1, vm-2, vm-3, vm-4, vm-5, vm-6, vm-7. [unknown-reference]',
      ],
    ],
    [
      'architectures a host can only emulate',
      [
        host('x86', 'architecture: amd64'),
        host('arm', 'architecture: arm64'),
        host('pi', 'architecture: armv7'),
        host('rv', 'architecture: riscv64'),
        host('plain', 'cpu: { cores: 4 }'),
        vm('vm-1', 'x86', 'architecture: arm64'),
        vm('vm-2', 'arm', 'architecture: amd64'),
        vm('vm-3', 'pi', 'architecture: arm64'),
        vm('vm-4', 'rv', 'architecture: armv7'),
        vm('vm-5', 'plain', 'architecture: riscv64'),
      ],
      [
        'warning devices[6].architecture: an arm64 virtual machine on "x86", an amd64 host, runs only under full CPU emulation, many times slower; check the architecture of the VM or of its host [vm-architecture]',
        'warning devices[7].architecture: an amd64 virtual machine on "arm", an arm64 host, runs only under full CPU emulation, many times slower; check the architecture of the VM or of its host [vm-architecture]',
        'warning devices[8].architecture: an arm64 virtual machine on "pi", an armv7 host, runs only under full CPU emulation, many times slower; check the architecture of the VM or of its host [vm-architecture]',
        'warning devices[9].architecture: an armv7 virtual machine on "rv", an riscv64 host, runs only under full CPU emulation, many times slower; check the architecture of the VM or of its host [vm-architecture]',
      ],
    ],
  ])('%s', (_case, devices, expected) => {
    expect(problemsOf(devices)).toEqual(expected);
  });
});

describe('a virtual machine bigger than its host', () => {
  it.each<[string, string[], string[]]>([
    [
      'exactly as many vCPUs as the host has threads, and as much memory',
      [
        host('h', 'cpu: { cores: 4, threads: 8 }, memoryGB: 32'),
        vm('vm-1', 'h', 'vcpus: 8, memoryGB: 32'),
      ],
      [],
    ],
    [
      'one vCPU more than threads, and one GB more than the host',
      [
        host('h', 'cpu: { cores: 4, threads: 8 }, memoryGB: 32'),
        vm('vm-1', 'h', 'vcpus: 9, memoryGB: 33'),
      ],
      [
        'warning devices[1].memoryGB: its 1 active and planned VMs have up to 33 GB of memory, more than 1x its 32 GB (set overcommit.memory on the host or the site to allow more) [host-overcommitted]',
        'error devices[2].vcpus: 9 vCPUs, but its host "h" has 8 CPUs; a VM cannot have more vCPUs than its host has logical CPUs [vm-exceeds-host]',
        'error devices[2].memoryGB: 33 GB of memory, but its host "h" has 32 GB; the VM cannot start [vm-exceeds-host]',
      ],
    ],
    [
      'a host that states cores only, and ranges on either side',
      [
        host('h', 'cpu: { cores: 4 }, memoryGB: { min: 16, max: 32 }'),
        vm('vm-1', 'h', 'vcpus: { min: 5, max: 6 }, memoryGB: 40'),
        vm(
          'vm-2',
          'h',
          'vcpus: { min: 4, max: 16 }, memoryGB: { min: 32, max: 64 }',
        ),
      ],
      [
        'warning devices[1].cpu: its 2 active and planned VMs have up to 22 vCPUs, 5.5 per CPU of its 4, above the over-commit ratio 4 (set overcommit.cpu on the host or the site to allow more) [host-overcommitted]',
        'warning devices[1].memoryGB: its 2 active and planned VMs have up to 104 GB of memory, more than 1x its 16 GB (set overcommit.memory on the host or the site to allow more) [host-overcommitted]',
        'error devices[2].vcpus: 5-6 vCPUs, but its host "h" has 4 CPUs; a VM cannot have more vCPUs than its host has logical CPUs [vm-exceeds-host]',
        'error devices[2].memoryGB: 40 GB of memory, but its host "h" has 16-32 GB; the VM cannot start [vm-exceeds-host]',
      ],
    ],
    [
      'a host that states neither CPUs nor memory',
      [
        host('h', 'architecture: amd64'),
        vm('vm-1', 'h', 'vcpus: 64, memoryGB: 512'),
      ],
      [],
    ],
    [
      'retired VMs, and VMs on no host or an unknown one, are not sized',
      [
        host('h', 'cpu: { cores: 1 }, memoryGB: 1'),
        vm('vm-1', 'h', 'status: retired, vcpus: 8, memoryGB: 8'),
        '{ name: vm-2, kind: virtual-machine, vcpus: 8, memoryGB: 8 }',
        vm('vm-3', 'nowhere', 'vcpus: 8, memoryGB: 8'),
      ],
      [
        'error devices[3]: a virtual machine needs "host": the server it runs on [vm-without-host]',
        'error devices[4].host: unknown device "nowhere". Known devices: router, h, vm-1, vm-2, vm-3. [unknown-reference]',
      ],
    ],
  ])('%s', (_case, devices, expected) => {
    expect(problemsOf(devices)).toEqual(expected);
  });
});

describe('the VMs of a host together over its over-commit ratios', () => {
  it.each<[string, string[], string, string[]]>([
    [
      'exactly at the default ratios',
      [
        host('h', 'cpu: { cores: 2 }, memoryGB: 16'),
        vm('vm-1', 'h', 'vcpus: 2, memoryGB: 8'),
        vm('vm-2', 'h', 'vcpus: 2, memoryGB: 4'),
        vm('vm-3', 'h', 'status: planned, vcpus: 2, memoryGB: 2'),
        vm('vm-4', 'h', 'vcpus: 2, memoryGB: 2'),
      ],
      '',
      [],
    ],
    [
      'above the default ratios, counting active and planned VMs at the top of their ranges against the least of the host',
      [
        host('h', 'cpu: { cores: 2 }, memoryGB: { min: 12, max: 16 }'),
        vm(
          'vm-1',
          'h',
          'vcpus: { min: 1, max: 2 }, memoryGB: { min: 2, max: 7 }',
        ),
        vm('vm-2', 'h', 'status: planned, vcpus: 2, memoryGB: 6.5'),
        vm('vm-3', 'h', 'status: optional, vcpus: 2, memoryGB: 8'),
        vm('vm-4', 'h', 'status: spare, vcpus: 2, memoryGB: 8'),
        vm('vm-5', 'h', 'vcpus: 2'),
        vm('vm-6', 'h', 'vcpus: 2'),
        vm('vm-7', 'h', 'status: planned, vcpus: 1'),
      ],
      '',
      [
        'warning devices[1].cpu: its 5 active and planned VMs have up to 9 vCPUs, 4.5 per CPU of its 2, above the over-commit ratio 4 (set overcommit.cpu on the host or the site to allow more) [host-overcommitted]',
        'warning devices[1].memoryGB: its 5 active and planned VMs have up to 13.5 GB of memory, more than 1x its 12 GB (set overcommit.memory on the host or the site to allow more) [host-overcommitted]',
      ],
    ],
    [
      "the site's ratios",
      [
        host('h', 'cpu: { cores: 2 }, memoryGB: 10'),
        vm('vm-1', 'h', 'vcpus: 2, memoryGB: 8'),
        vm('vm-2', 'h', 'vcpus: 2, memoryGB: 8'),
        host('g', 'cpu: { cores: 2 }, memoryGB: 10'),
        vm('vm-3', 'g', 'vcpus: 2'),
        vm('vm-4', 'g', 'vcpus: 2'),
        vm('vm-5', 'g', 'vcpus: 1'),
      ],
      ', overcommit: { cpu: 2, memory: 1.5 }',
      [
        'warning devices[1].memoryGB: its 2 active and planned VMs have up to 16 GB of memory, more than 1.5x its 10 GB (set overcommit.memory on the host or the site to allow more) [host-overcommitted]',
        'warning devices[4].cpu: its 3 active and planned VMs have up to 5 vCPUs, 2.5 per CPU of its 2, above the over-commit ratio 2 (set overcommit.cpu on the host or the site to allow more) [host-overcommitted]',
      ],
    ],
    [
      "a host's own ratios over the site's, one at a time",
      [
        host('h', 'cpu: { cores: 2 }, memoryGB: 10, overcommit: { cpu: 3 }'),
        vm('vm-1', 'h', 'vcpus: 2, memoryGB: 8'),
        vm('vm-2', 'h', 'vcpus: 2, memoryGB: 8'),
        vm('vm-3', 'h', 'vcpus: 2'),
        vm('vm-4', 'h', 'vcpus: 1'),
        host('g', 'cpu: { cores: 2 }, memoryGB: 10, overcommit: { memory: 2 }'),
        vm('vm-5', 'g', 'vcpus: 2, memoryGB: 10'),
        vm('vm-6', 'g', 'vcpus: 2, memoryGB: 10'),
        vm('vm-7', 'g', 'vcpus: 1, memoryGB: 1'),
      ],
      ', overcommit: { cpu: 2, memory: 1.5 }',
      [
        'warning devices[1].cpu: its 4 active and planned VMs have up to 7 vCPUs, 3.5 per CPU of its 2, above the over-commit ratio 3 (set overcommit.cpu on the host or the site to allow more) [host-overcommitted]',
        'warning devices[1].memoryGB: its 4 active and planned VMs have up to 16 GB of memory, more than 1.5x its 10 GB (set overcommit.memory on the host or the site to allow more) [host-overcommitted]',
        'warning devices[6].cpu: its 3 active and planned VMs have up to 5 vCPUs, 2.5 per CPU of its 2, above the over-commit ratio 2 (set overcommit.cpu on the host or the site to allow more) [host-overcommitted]',
        'warning devices[6].memoryGB: its 3 active and planned VMs have up to 21 GB of memory, more than 2x its 10 GB (set overcommit.memory on the host or the site to allow more) [host-overcommitted]',
      ],
    ],
    [
      "memory over-committed within a host's ratio",
      [
        host('h', 'cpu: { cores: 2 }, memoryGB: 10, overcommit: { memory: 2 }'),
        vm('vm-1', 'h', 'vcpus: 2, memoryGB: 8'),
        vm('vm-2', 'h', 'vcpus: 2, memoryGB: 8'),
        vm('vm-3', 'h', 'vcpus: 2, memoryGB: 4'),
      ],
      '',
      [],
    ],
  ])('%s', (_case, devices, site, expected) => {
    expect(problemsOf(devices, site)).toEqual(expected);
  });
});

describe('a host named by what is not a virtual machine', () => {
  it('is an error of its own; the device is not sized against the host', () => {
    expect(
      problemsOf([
        host('h', 'architecture: amd64, cpu: { cores: 2 }, memoryGB: 8'),
        '{ name: nas, kind: nas, host: h, architecture: arm64, memoryGB: 64 }',
      ]),
    ).toEqual([
      'error devices[2].host: "host" is for virtual machines; this device is a nas [field-not-for-kind]',
    ]);
  });
});

describe('vcpus on what is not a virtual machine', () => {
  it('is an error on a physical device, not on one of unknown kind', () => {
    expect(
      problemsOf([
        '{ name: box, kind: unknown, vcpus: 4 }',
        '{ name: mini, kind: mini-pc, vcpus: 4 }',
        vm('vm-1', 'mini', 'vcpus: 4'),
      ]),
    ).toEqual([
      'error devices[2].vcpus: "vcpus" is for virtual machines; a mini-pc states its physical cores in cpu.cores [field-not-for-kind]',
    ]);
  });
});
