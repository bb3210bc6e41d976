import {
  editedInventory,
  MINIMAL_INVENTORY,
  problemLines,
} from './__testUtils__/minimalInventory';

/*
 * The problems of devices' static addresses (rules/staticAddresses.ts) that
 * ruleProblems.test.ts leaves out, word for word and where: who may hold a
 * gateway address, one address held by three devices or written two ways,
 * and networks whose CIDR is unknown. Each case changes the minimal valid
 * inventory.
 */

const minimal = MINIMAL_INVENTORY;

const edited = (edits: Array<[string, string]>) =>
  editedInventory(minimal, edits);

const problemsOf = (edits: Array<[string, string]>) =>
  problemLines(edited(edits));

/** The line where `text` starts in the inventory that `edits` make. */
const lineOf = (text: string, edits: Array<[string, string]> = []) => {
  const inventory = edited(edits);
  return inventory.slice(0, inventory.indexOf(text)).split('\n').length;
};

/** A network for IPv6 addresses, before the uplinks. */
const v6Network: [string, string] = [
  'wan:\n',
  '  - name: v6\n    cidr: "fd00:10::/64"\nwan:\n',
];

/** The router gives up its address on "servers" to another device. */
const routerMoves: [string, string] = [
  '{ network: servers, address: 10.0.20.1 }',
  '{ network: servers, address: 10.0.20.2 }',
];

describe('static addresses', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'the gateway address on a modem',
      [
        routerMoves,
        [
          '    kind: switch\n',
          '    kind: modem\n    interfaces:\n      - { network: servers, address: 10.0.20.1 }\n',
        ],
      ],
      [],
    ],
    [
      'the gateway address on a virtual machine (a firewall VM)',
      [
        routerMoves,
        [
          '    vmid: 101\n',
          '    vmid: 101\n    interfaces:\n      - { network: servers, address: 10.0.20.1 }\n',
        ],
      ],
      [],
    ],
    [
      'the gateway address on a device of unknown kind',
      [
        routerMoves,
        [
          '  - name: hypervisor\n    kind: server\n',
          '  - name: hypervisor\n    kind: unknown\n',
        ],
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: servers, address: 10.0.20.1 }',
        ],
      ],
      [],
    ],
    [
      'the gateway address on a server',
      [
        routerMoves,
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: servers, address: 10.0.20.1 }',
        ],
      ],
      [
        'warning devices[6].interfaces[0].address: 10.0.20.1 is the gateway of network "servers", but "hypervisor" is a server, not a router [gateway-address]',
      ],
    ],
    [
      'the gateway address on a server twice, as an interface and its management address: reported where it comes first',
      [
        routerMoves,
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: servers, address: 10.0.20.1 }',
        ],
        [
          '    kind: server\n',
          '    kind: server\n    management: { address: 10.0.20.1 }\n',
        ],
      ],
      [
        'warning devices[6].interfaces[0].address: 10.0.20.1 is the gateway of network "servers", but "hypervisor" is a server, not a router [gateway-address]',
      ],
    ],
    [
      "a management address that is another device's address",
      [
        [
          '    kind: server\n',
          '    kind: server\n    management: { address: 10.0.20.10 }\n',
        ],
      ],
      [
        `error devices[6].management.address: 10.0.20.10 is already assigned to device "pi" (inventory.yaml:${lineOf(
          '  - name: pi',
        )}) [duplicate-address]`,
      ],
    ],
    [
      'one address on three devices: each later one is told of the first',
      [
        [
          '{ network: servers, address: 10.0.20.10 }',
          '{ network: servers, address: 10.0.20.11 }',
        ],
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: servers, address: 10.0.20.11 }',
        ],
      ],
      [
        `error devices[5].interfaces[0].address: 10.0.20.11 is already assigned to device "module-1" (inventory.yaml:${lineOf(
          '  - name: module-1',
        )}) [duplicate-address]`,
        `error devices[6].interfaces[0].address: 10.0.20.11 is already assigned to device "module-1" (inventory.yaml:${lineOf(
          '  - name: module-1',
        )}) [duplicate-address]`,
      ],
    ],
    [
      'one address twice on one device, as an interface and its management address',
      [
        [
          '    kind: server\n',
          '    kind: server\n    management: { address: 10.0.20.5 }\n',
        ],
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: servers, address: 10.0.20.5 }\n      - { network: servers, address: 10.0.20.5 }',
        ],
      ],
      [],
    ],
    [
      'an IPv6 address written two ways, and one outside its network',
      [
        v6Network,
        [
          '{ network: servers, address: 10.0.20.10 }',
          '{ network: servers, address: 10.0.20.10 }\n      - { network: v6, address: "fd00:10::a" }',
        ],
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: servers, address: 10.0.20.5 }\n      - { network: v6, address: "fd00:10:0:0:0:0:0:A" }\n      - { network: v6, address: "fd00:11::1" }',
        ],
      ],
      [
        `error devices[6].interfaces[1].address: fd00:10:0:0:0:0:0:A is already assigned to device "pi" (inventory.yaml:${lineOf(
          '  - name: pi',
          [v6Network],
        )}) [duplicate-address]`,
        'error devices[6].interfaces[2].address: fd00:11::1 is not inside network "v6" (fd00:10::/64) [address-outside-network]',
      ],
    ],
    [
      'addresses on a network whose CIDR is unknown, and a management address that may be in it',
      [
        ['wan:\n', '  - name: iot\n    cidr: unknown\nwan:\n'],
        [
          '{ network: servers, address: 10.0.20.10 }',
          '{ network: servers, address: 10.0.20.10 }\n      - { network: iot, address: 192.168.7.0 }\n      - { network: iot }',
        ],
        [
          '    kind: server\n',
          '    kind: server\n    management: { address: 192.168.1.5 }\n',
        ],
      ],
      [],
    ],
    [
      'a management address that is the network address of a known network, and an address on a network the inventory lacks',
      [
        [
          '{ network: servers, address: 10.0.20.10 }',
          '{ network: servers, address: 10.0.20.10 }\n      - { network: nowhere, address: 10.0.20.0 }',
        ],
        [
          '    kind: server\n',
          '    kind: server\n    management: { address: 10.0.10.0 }\n',
        ],
      ],
      [
        'error devices[5].interfaces[1].network: unknown network "nowhere". Known networks: lan, servers. [unknown-reference]',
        'error devices[6].management.address: 10.0.10.0 is the network address of 10.0.10.0/24, not a host address [address-not-host]',
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});
