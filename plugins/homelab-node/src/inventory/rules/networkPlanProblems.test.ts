import {
  editedInventory,
  MINIMAL_INVENTORY_V1ALPHA2,
  problemLines,
} from './__testUtils__/minimalInventory';

/*
 * The problems of address plans (rules/networkPlans.ts) that
 * ruleProblems.test.ts leaves out, word for word and where: the network and
 * broadcast addresses of small and IPv6 networks, ranges of every kind over
 * each other, and networks whose CIDR is unknown or whose name is used
 * twice. Each case adds networks (before the uplinks) to the minimal valid
 * inventory, or changes it.
 */

const minimal = MINIMAL_INVENTORY_V1ALPHA2;

const edited = (edits: Array<[string, string]>) =>
  editedInventory(minimal, edits);

const problemsOf = (edits: Array<[string, string]>) =>
  problemLines(edited(edits));

/** Networks added after the minimal inventory's two, one per line. */
const networks = (...lines: string[]): [string, string] => [
  'wan:\n',
  `${lines.map(line => `  - ${line}\n`).join('')}wan:\n`,
];

/** Interfaces added to the switch, one per line. */
const switchInterfaces = (...lines: string[]): [string, string] => [
  '    kind: switch\n',
  `    kind: switch\n    interfaces:\n${lines
    .map(line => `      - ${line}\n`)
    .join('')}`,
];

/** The line of the edited inventory where `text` starts. */
const lineOf = (edits: Array<[string, string]>, text: string) => {
  const inventory = edited(edits);
  return inventory.slice(0, inventory.indexOf(text)).split('\n').length;
};

describe('the addresses no host can be given', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'point-to-point and single-address networks, and IPv6, have none',
      [
        networks(
          '{ name: p2p, cidr: 10.0.98.0/31, dhcp: [{ start: 10.0.98.0, end: 10.0.98.1 }] }',
          '{ name: one, cidr: 10.0.97.7/32 }',
          '{ name: v6, cidr: "fd00:10::/64", dhcp: [{ start: "fd00:10::", end: "fd00:10::ff" }] }',
        ),
        switchInterfaces(
          '{ network: one, address: 10.0.97.7 }',
          '{ network: v6, address: "fd00:10:0:0:ffff:ffff:ffff:ffff" }',
        ),
      ],
      [],
    ],
    [
      'a /30 network: its network and broadcast addresses',
      [
        networks(
          '{ name: link, cidr: 10.0.98.0/30, gateway: 10.0.98.3, dhcp: [{ start: 10.0.98.1, end: 10.0.98.2 }] }',
        ),
        switchInterfaces(
          '{ network: link, address: 10.0.98.0 }',
          '{ network: link, address: 10.0.98.3 }',
        ),
      ],
      [
        'error networks[2].gateway: the gateway 10.0.98.3 is the broadcast address of 10.0.98.0/30, not a host address; a router cannot answer on it [gateway-not-host]',
        'error devices[1].interfaces[0].address: 10.0.98.0 is the network address of 10.0.98.0/30, not a host address [address-not-host]',
        'error devices[1].interfaces[1].address: 10.0.98.3 is the broadcast address of 10.0.98.0/30, not a host address [address-not-host]',
        'warning devices[1].interfaces[1].address: 10.0.98.3 is the gateway of network "link", but "switch" is a switch, not a router [gateway-address]',
      ],
    ],
    [
      'a pool over the broadcast address; a reservation may hold the network address',
      [
        [
          '{ start: 10.0.20.100, end: 10.0.20.119 }',
          '{ start: 10.0.20.240, end: 10.0.20.255 }',
        ],
        [
          '{ start: 10.0.10.50, purpose: spare switch }',
          '{ start: 10.0.10.0, purpose: the block }',
        ],
        [
          '{ start: 10.0.20.200, end: 10.0.20.250 }',
          '{ start: 10.0.20.200, end: 10.0.20.239 }',
        ],
      ],
      [
        'error clusters[0].loadBalancerPools[0].addresses[0]: 10.0.20.240-10.0.20.255 includes the broadcast address 10.0.20.255 of 10.0.20.0/24, which no host can be given [range-not-host]',
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});

describe('ranges and networks over each other', () => {
  const twoReservations: Array<[string, string]> = [
    [
      '{ start: 10.0.10.50, purpose: spare switch }',
      '{ start: 10.0.10.50, purpose: spare switch }\n      - { start: 10.0.10.40, end: 10.0.10.60, purpose: lab }',
    ],
  ];
  const threeNetworks: Array<[string, string]> = [
    networks(
      '{ name: big, cidr: 10.0.0.0/16 }',
      '{ name: bigger, cidr: 10.0.0.0/12 }',
    ),
  ];

  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'two reservations: reported at the later',
      twoReservations,
      [
        'error networks[0].reserved[1]: 10.0.10.40-10.0.10.60, reserved for lab overlaps 10.0.10.50, reserved for spare switch in network "lan"; an address must belong to one of them only [reserved-overlap]',
      ],
    ],
    [
      'a DHCP range over a pool, written in the network: reported at the pool',
      [
        [
          '{ start: 10.0.20.200, end: 10.0.20.250 }',
          '{ start: 10.0.20.200, end: 10.0.20.250 }\n      - { start: 10.0.20.110, end: 10.0.20.130 }',
        ],
      ],
      [
        'error clusters[0].loadBalancerPools[0].addresses[0]: the load-balancer pool "prod-pool" of cluster "prod" (10.0.20.100-10.0.20.119) overlaps the DHCP range 10.0.20.110-10.0.20.130 in network "servers"; an address must belong to one of them only [pool-overlaps-dhcp]',
      ],
    ],
    [
      'a reservation over a DHCP range written after it: reported at the reservation',
      [
        [
          '{ start: 10.0.10.50, purpose: spare switch }',
          '{ start: 10.0.10.150, purpose: spare switch }',
        ],
      ],
      [
        'error networks[0].reserved[0]: 10.0.10.150, reserved for spare switch overlaps the DHCP range 10.0.10.100-10.0.10.199 in network "lan"; an address must belong to one of them only [reserved-overlap]',
      ],
    ],
    [
      'networks inside each other: each reported at the later, naming the earlier',
      threeNetworks,
      [
        `error networks[2].cidr: 10.0.0.0/16 overlaps network "lan" (10.0.10.0/24, inventory.yaml:${lineOf(
          threeNetworks,
          '  - name: lan',
        )}); networks must not share addresses [network-overlap]`,
        `error networks[2].cidr: 10.0.0.0/16 overlaps network "servers" (10.0.20.0/24, inventory.yaml:${lineOf(
          threeNetworks,
          '  - name: servers',
        )}); networks must not share addresses [network-overlap]`,
        `error networks[3].cidr: 10.0.0.0/12 overlaps network "big" (10.0.0.0/16, inventory.yaml:${lineOf(
          threeNetworks,
          '  - { name: big',
        )}); networks must not share addresses [network-overlap]`,
        `error networks[3].cidr: 10.0.0.0/12 overlaps network "lan" (10.0.10.0/24, inventory.yaml:${lineOf(
          threeNetworks,
          '  - name: lan',
        )}); networks must not share addresses [network-overlap]`,
        `error networks[3].cidr: 10.0.0.0/12 overlaps network "servers" (10.0.20.0/24, inventory.yaml:${lineOf(
          threeNetworks,
          '  - name: servers',
        )}); networks must not share addresses [network-overlap]`,
      ],
    ],
    [
      'one VLAN on three networks: each later one is told of the first',
      [
        networks(
          '{ name: a, vlan: 10, cidr: 10.0.30.0/24 }',
          '{ name: b, vlan: 10, cidr: 10.0.40.0/24 }',
        ),
      ],
      [
        `error networks[2].vlan: VLAN 10 is already used by network "lan" (inventory.yaml:${lineOf(
          [],
          '  - name: lan',
        )}) [duplicate-vlan]`,
        `error networks[3].vlan: VLAN 10 is already used by network "lan" (inventory.yaml:${lineOf(
          [],
          '  - name: lan',
        )}) [duplicate-vlan]`,
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});

describe('networks whose CIDR is unknown, or whose name is taken', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'a network of unknown CIDR: its ranges are checked only against themselves',
      [
        networks(
          '{ name: iot, cidr: unknown, gateway: 192.168.5.1, dhcp: [{ start: 192.168.5.100, end: 192.168.5.200 }, { start: 192.168.5.150, end: 192.168.5.160 }, { start: 192.168.5.9, end: 192.168.5.1 }] }',
        ),
      ],
      [
        'error networks[2].dhcp[1]: the DHCP range 192.168.5.150-192.168.5.160 overlaps the DHCP range 192.168.5.100-192.168.5.200 in network "iot"; an address must belong to one of them only [dhcp-overlap]',
        'error networks[2].dhcp[2]: the range starts at 192.168.5.9, after its end 192.168.5.1; swap them [range-reversed]',
      ],
    ],
    [
      'a second network of a name: its ranges are not planned',
      [
        networks(
          '{ name: lan, cidr: 10.0.50.0/24, gateway: 10.0.50.1, dhcp: [{ start: 10.0.10.100, end: 10.0.10.199 }] }',
        ),
      ],
      [
        `error networks[2].name: network name "lan" is already used in networks by the network at inventory.yaml:${lineOf(
          [],
          '  - name: lan',
        )} [duplicate-name]`,
      ],
    ],
    [
      'a pool on an unknown network: its addresses are not planned',
      [
        ['        network: servers\n', '        network: dmz\n'],
        [
          '{ start: 10.0.20.100, end: 10.0.20.119 }',
          '{ start: 10.0.20.200, end: 10.0.20.219 }',
        ],
      ],
      [
        'error clusters[0].loadBalancerPools[0].network: unknown network "dmz". Known networks: lan, servers. [unknown-reference]',
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});
