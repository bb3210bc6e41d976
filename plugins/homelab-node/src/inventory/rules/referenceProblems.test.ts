import {
  editedInventory,
  MINIMAL_INVENTORY_V1ALPHA2,
  problemLines,
} from './__testUtils__/minimalInventory';

/*
 * The problems of references (rules/references.ts) that ruleProblems.test.ts
 * leaves out, word for word and where: every kind of device a node or a VM
 * may run on, promotion chains that end and that loop further along, and
 * references from every field that holds one. Each case changes the minimal
 * valid inventory.
 */

const minimal = MINIMAL_INVENTORY_V1ALPHA2;

const edited = (edits: Array<[string, string]>) =>
  editedInventory(minimal, edits);

const problemsOf = (edits: Array<[string, string]>) =>
  problemLines(edited(edits));

const KNOWN_DEVICES =
  'Known devices: router, switch, board, module-1, module-2, pi, hypervisor, vm-1';

describe('references', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'nodes on every kind of device that runs one',
      [
        [
          '  - name: board\n',
          '  - { name: mini, kind: mini-pc }\n  - { name: nas, kind: nas }\n  - { name: desk, kind: workstation }\n  - name: board\n',
        ],
        [
          '      - { name: pi, device: pi, roles: [control-plane, worker] }\n',
          [
            '      - { name: pi, device: pi, roles: [control-plane, worker] }',
            '      - { name: mini, device: mini, roles: [worker] }',
            '      - { name: nas, device: nas, roles: [worker] }',
            '      - { name: desk, device: desk, roles: [worker] }',
            '      - { name: vm-1, device: vm-1, roles: [worker] }',
            '      - { name: hypervisor, device: hypervisor, roles: [worker] }',
            '',
          ].join('\n'),
        ],
      ],
      [],
    ],
    [
      'VMs on every kind of device that hosts one, and on a board',
      [
        [
          '  - name: vm-1\n',
          [
            '  - { name: mini, kind: mini-pc }',
            '  - { name: nas, kind: nas }',
            '  - { name: desk, kind: workstation }',
            '  - { name: vm-2, kind: virtual-machine, host: mini }',
            '  - { name: vm-3, kind: virtual-machine, host: nas }',
            '  - { name: vm-4, kind: virtual-machine, host: desk }',
            '  - { name: vm-5, kind: virtual-machine, host: board }',
            '  - name: vm-1\n',
          ].join('\n'),
        ],
      ],
      [
        'error devices[13].host: "board" is a board, but the host of a virtual machine must be a server or mini-pc or nas or workstation [wrong-reference-kind]',
      ],
    ],
    [
      'a node on a board, and an uplink through a modem',
      [
        [
          '{ name: pi, device: pi, roles: [control-plane, worker] }',
          '{ name: pi, device: board, roles: [control-plane, worker] }',
        ],
        ['    router: router\n', '    router: router\n    via: modem\n'],
        [
          '  - name: switch\n',
          '  - { name: modem, kind: modem }\n  - name: switch\n',
        ],
      ],
      [
        'error clusters[1].nodes[0].device: "board" is a board, but the device a node runs on must be a mini-pc or compute-module or sbc or server or nas or workstation or virtual-machine [wrong-reference-kind]',
      ],
    ],
    [
      'references to nothing from links, slots, hosts, uplinks, nodes, pools, storage and environments',
      [
        ['    router: router\n', '    router: gateway\n    via: dsl\n'],
        ['      - { device: router }', '      - { device: core }'],
        [
          'slot: { board: board, number: 1 }',
          'slot: { board: chassis, number: 1 }',
        ],
        ['    host: hypervisor\n', '    host: proxmox\n    environment: dev\n'],
        [
          '{ name: pi, device: pi, roles: [control-plane, worker] }',
          '{ name: pi, device: rpi, roles: [control-plane, worker] }',
        ],
        ['        network: servers\n', '        network: dmz\n'],
        ['    environment: staging\n', '    environment: qa\n'],
        [
          '    replicas: 2\n',
          '    replicas: 2\n  - { name: share, kind: nfs, device: filer }\n  - { name: class, kind: local-path, cluster: edge }\n  - { name: backed, kind: nfs, backedBy: disks }\n',
        ],
      ],
      [
        `error wan[0].router: unknown device "gateway". ${KNOWN_DEVICES}. [unknown-reference]`,
        `error wan[0].via: unknown device "dsl". ${KNOWN_DEVICES}. [unknown-reference]`,
        `error devices[1].links[0].device: unknown device "core". ${KNOWN_DEVICES}. [unknown-reference]`,
        `error devices[3].slot.board: unknown device "chassis". ${KNOWN_DEVICES}. [unknown-reference]`,
        `error devices[7].host: unknown device "proxmox". ${KNOWN_DEVICES}. [unknown-reference]`,
        'error devices[7].environment: unknown environment "dev". Known environments: staging, production. [unknown-reference]',
        'error clusters[0].loadBalancerPools[0].network: unknown network "dmz". Known networks: lan, servers. [unknown-reference]',
        'error clusters[1].environment: unknown environment "qa". Known environments: staging, production. [unknown-reference]',
        `error clusters[1].nodes[0].device: unknown device "rpi"; did you mean "pi"? ${KNOWN_DEVICES}. [unknown-reference]`,
        `error storage[1].device: unknown device "filer". ${KNOWN_DEVICES}. [unknown-reference]`,
        'error storage[2].cluster: unknown cluster "edge". Known clusters: prod, stage. [unknown-reference]',
        'error storage[3].backedBy: unknown storage "disks". Known storage: fast, share, class, backed. [unknown-reference]',
      ],
    ],
    [
      'references that resolve: a device in an environment, storage backed by storage',
      [
        [
          '    host: hypervisor\n',
          '    host: hypervisor\n    environment: staging\n',
        ],
        [
          '    replicas: 2\n',
          '    replicas: 2\n  - { name: disks, kind: zfs-pool, device: hypervisor }\n  - { name: share, kind: nfs, backedBy: disks }\n',
        ],
      ],
      [],
    ],
    [
      'a promotion chain that ends, and one that loops further along',
      [
        [
          'environments:\n  - name: staging\n    promotesTo: production\n  - name: production\n',
          [
            'environments:',
            '  - { name: dev, promotesTo: staging }',
            '  - { name: staging, promotesTo: production }',
            '  - { name: production }',
            '  - { name: a, promotesTo: b }',
            '  - { name: b, promotesTo: c }',
            '  - { name: c, promotesTo: b }',
            '  - { name: x, promotesTo: nowhere }',
            '',
          ].join('\n'),
        ],
      ],
      [
        'error environments[3].promotesTo: promotions loop: a -> b -> c -> b; the last environment must promote nowhere [promotion-cycle]',
        'error environments[4].promotesTo: promotions loop: b -> c -> b; the last environment must promote nowhere [promotion-cycle]',
        'error environments[5].promotesTo: promotions loop: c -> b -> c; the last environment must promote nowhere [promotion-cycle]',
        'error environments[6].promotesTo: unknown environment "nowhere". Known environments: dev, staging, production, a, b, c, x. [unknown-reference]',
      ],
    ],
    [
      'a promotion chain that runs into an unknown environment further along',
      [
        [
          '  - name: production\n',
          '  - name: production\n    promotesTo: prod-eu\n',
        ],
      ],
      [
        'error environments[1].promotesTo: unknown environment "prod-eu". Known environments: staging, production. [unknown-reference]',
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});
