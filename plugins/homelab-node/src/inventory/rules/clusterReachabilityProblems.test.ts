import { validateInventoryFiles } from '../validateInventory';
import {
  editedInventory,
  MINIMAL_INVENTORY_V1ALPHA2,
  problemLines,
} from './__testUtils__/minimalInventory';

/*
 * Every problem of how a cluster is reached (rules/clusterReachability.ts),
 * word for word and where: what holds the API server's address, whether a
 * layer 2 pool reaches its network, and what the platform services'
 * endpoints say. Each case changes the minimal valid inventory.
 */

const minimal = MINIMAL_INVENTORY_V1ALPHA2;

const edited = (edits: Array<[string, string]>) =>
  editedInventory(minimal, edits);

const problemsOf = (edits: Array<[string, string]>) =>
  problemLines(edited(edits));

/** The production cluster's API server at `url`. */
const prodApiServer = (url: string): [string, string] => [
  '    distribution: talos\n',
  `    distribution: talos\n    apiServer: { url: "${url}" }\n`,
];
/** The staging cluster's API server at `url`. */
const stageApiServer = (url: string): [string, string] => [
  '    distribution: k3s\n',
  `    distribution: k3s\n    apiServer: { url: "${url}" }\n`,
];

/** A network "dmz" after the minimal inventory's two. */
const networksAdded: [string, string] = [
  'wan:\n',
  '  - { name: dmz, cidr: 10.0.30.0/24 }\nwan:\n',
];

/** The production cluster's platform services, one per line. */
const prodServices = (...services: string[]): [string, string] => [
  '    distribution: talos\n',
  `    distribution: talos\n    platformServices:\n${services
    .map(service => `      - ${service}\n`)
    .join('')}`,
];

const ADVICE =
  "add it to the interfaces of the control-plane device, or reserve it in its network as the control plane's virtual IP";

describe('what holds the address of an API server', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'a host name, a control-plane device, a reservation and a pool',
      [
        prodApiServer('https://10.0.20.11:6443'),
        stageApiServer('https://k8s.lab.example:6443'),
        [
          '  - name: production\n',
          '  - name: production\n  - name: dev\n  - name: test\n',
        ],
        [
          'storage:\n',
          [
            '  - { name: dev, environment: dev, distribution: k3s, apiServer: { url: "https://10.0.10.50:6443" }, nodes: [{ name: dev, device: hypervisor, roles: [control-plane] }] }',
            '  - { name: test, environment: test, distribution: k3s, apiServer: { url: "https://10.0.20.105:6443" }, nodes: [{ name: test, device: vm-1, roles: [control-plane] }] }',
            'storage:\n',
          ].join('\n'),
        ],
      ],
      [],
    ],
    [
      "a worker's address, and the address of a device that runs no node of the cluster",
      [
        prodApiServer('https://10.0.20.12:6443'),
        stageApiServer('https://10.0.20.5:6443'),
      ],
      [
        'warning clusters[0].apiServer.url: the API server address 10.0.20.12 belongs to "module-2", which runs node "module-2" without the control-plane role [api-server-not-control-plane]',
      ],
    ],
    [
      'an address in a DHCP range of the second network, and one nothing holds',
      [
        prodApiServer('https://10.0.20.210:6443'),
        stageApiServer('https://10.0.10.20:6443'),
      ],
      [
        'error clusters[0].apiServer.url: the API server address 10.0.20.210 is inside the DHCP range 10.0.20.200-10.0.20.250, so DHCP could hand it to another device; give the control-plane device a static address outside the range, or reserve a virtual IP [api-server-address]',
        `error clusters[1].apiServer.url: nothing in the inventory holds the API server address 10.0.10.20 of network "lan": no device interface has it and no reservation or pool keeps it; ${ADVICE} [api-server-address]`,
      ],
    ],
    [
      'IPv4 and IPv6 addresses in no network of the inventory',
      [
        prodApiServer('https://192.168.1.10:6443'),
        stageApiServer('https://[fd00::5]:6443'),
      ],
      [
        `warning clusters[0].apiServer.url: nothing in the inventory holds the API server address 192.168.1.10, which is in no network of known CIDR; ${ADVICE} [api-server-address]`,
        `warning clusters[1].apiServer.url: nothing in the inventory holds the API server address fd00::5, which is in no network of known CIDR; ${ADVICE} [api-server-address]`,
      ],
    ],
    [
      'an address nothing holds while the devices section is left out for its own errors',
      [
        prodApiServer('https://10.0.20.50:6443'),
        [
          minimal.slice(
            minimal.indexOf('devices:\n'),
            minimal.indexOf('clusters:\n'),
          ),
          'devices: none\n',
        ],
      ],
      [
        'error devices: "devices" must be a list (items starting with "- ") [schema]',
      ],
    ],
    [
      'an address nothing holds while a device is left out for its own errors',
      [
        prodApiServer('https://10.0.20.50:6443'),
        [
          '  - name: switch\n    kind: switch\n',
          '  - name: switch\n    kind: switch\n    cpu: many\n',
        ],
      ],
      [
        'error devices[1].cpu: must be an object, but is the text "many" [schema]',
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});

describe('an API server address nothing holds, in a folder with a file that could not be read', () => {
  it('is not reported: a device in that file may hold it', () => {
    const problems = validateInventoryFiles([
      {
        name: 'site.yaml',
        content: edited([prodApiServer('https://10.0.20.50:6443')]),
      },
      {
        name: 'broken.yaml',
        content:
          'apiVersion: homelab.dev/v1alpha2\nkind: Inventory\ndevices: [\n',
      },
    ]).problems.map(p => p.rule);
    expect(problems).toEqual(['yaml-syntax']);
  });
});

describe('layer 2 pools and the networks of their nodes', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'an l2 pool on a network of the nodes, a BGP pool elsewhere, and an l2 pool elsewhere',
      [
        [
          '        type: metallb\n',
          '        type: metallb\n        mode: l2\n',
        ],
        [
          '    nodes:\n      - { name: pi, device: pi, roles: [control-plane, worker] }\n',
          [
            '    nodes:',
            '      - { name: pi, device: pi, roles: [control-plane, worker] }',
            '    loadBalancerPools:',
            '      - { name: bgp-pool, type: metallb, mode: bgp, network: lan, addresses: [{ start: 10.0.10.60, end: 10.0.10.69 }] }',
            '      - { name: l2-pool, type: metallb, mode: l2, network: lan, addresses: [{ start: 10.0.10.70, end: 10.0.10.79 }] }',
            '',
          ].join('\n'),
        ],
      ],
      [
        'error clusters[1].loadBalancerPools[1].network: pool "l2-pool" is announced in layer 2 mode on network "lan", but no node of cluster "stage" is attached to it (its nodes are on servers); layer 2 announcements reach only a network a node is on [pool-network-unattached]',
      ],
    ],
    [
      'an l2 pool whose nodes do not all state their interfaces, and one on an unknown network',
      [
        [
          '    nodes:\n      - { name: pi, device: pi, roles: [control-plane, worker] }\n',
          [
            '    nodes:',
            '      - { name: pi, device: pi, roles: [control-plane, worker] }',
            '      - { name: vm-1, device: vm-1, roles: [worker] }',
            '    loadBalancerPools:',
            '      - { name: l2-pool, type: metallb, mode: l2, network: lan, addresses: [{ start: 10.0.10.70, end: 10.0.10.79 }] }',
            '',
          ].join('\n'),
        ],
        [
          '        type: metallb\n',
          '        type: metallb\n        mode: l2\n',
        ],
        ['        network: servers\n', '        network: dmz\n'],
      ],
      [
        'error clusters[0].loadBalancerPools[0].network: unknown network "dmz". Known networks: lan, servers. [unknown-reference]',
      ],
    ],
    [
      'an l2 pool of a cluster whose nodes are on two other networks, and one whose node is on an unknown device',
      [
        networksAdded,
        [
          '{ network: servers, address: 10.0.20.11 }',
          '{ network: servers, address: 10.0.20.11 }\n      - { network: lan, address: 10.0.10.11 }',
        ],
        [
          '        type: metallb\n',
          '        type: metallb\n        mode: l2\n',
        ],
        ['        network: servers\n', '        network: dmz\n'],
        [
          '{ start: 10.0.20.100, end: 10.0.20.119 }',
          '{ start: 10.0.30.100, end: 10.0.30.119 }',
        ],
        [
          '    nodes:\n      - { name: pi, device: pi, roles: [control-plane, worker] }\n',
          [
            '    nodes:',
            '      - { name: pi, device: rpi, roles: [control-plane, worker] }',
            '    loadBalancerPools:',
            '      - { name: l2-pool, type: metallb, mode: l2, network: lan, addresses: [{ start: 10.0.10.70, end: 10.0.10.79 }] }',
            '',
          ].join('\n'),
        ],
      ],
      [
        'error clusters[0].loadBalancerPools[0].network: pool "prod-pool" is announced in layer 2 mode on network "dmz", but no node of cluster "prod" is attached to it (its nodes are on servers, lan); layer 2 announcements reach only a network a node is on [pool-network-unattached]',
        'error clusters[1].nodes[0].device: unknown device "rpi"; did you mean "pi"? Known devices: router, switch, board, module-1, module-2, pi, hypervisor, vm-1. [unknown-reference]',
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});

describe('the endpoints of platform services', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'endpoints that say nothing',
      [
        prodServices(
          '{ name: a, category: other, endpoints: [{ exposure: ingress }] }',
          '{ name: b, category: other, endpoints: [{ ports: [] }] }',
        ),
      ],
      [
        'error clusters[0].platformServices[0].endpoints[0]: an endpoint needs a url, an address or ports [endpoint-empty]',
        'error clusters[0].platformServices[1].endpoints[0]: an endpoint needs a url, an address or ports [endpoint-empty]',
      ],
    ],
    [
      "load-balancer addresses in the cluster's pool, at its ends, and in another cluster's",
      [
        prodServices(
          '{ name: a, category: other, endpoints: [{ exposure: load-balancer, address: 10.0.20.100 }, { exposure: load-balancer, address: 10.0.20.119 }] }',
          '{ name: b, category: other, endpoints: [{ exposure: host-network, address: 10.0.20.11 }, { url: "https://b.lab.example" }] }',
        ),
        [
          '    distribution: k3s\n',
          '    distribution: k3s\n    platformServices:\n      - { name: c, category: other, endpoints: [{ exposure: load-balancer, address: 10.0.20.110 }] }\n',
        ],
      ],
      [
        'warning clusters[1].platformServices[0].endpoints[0].address: 10.0.20.110 is in no load-balancer pool of cluster "stage"; a LoadBalancer Service gets its address from one [endpoint-address-outside-pools]',
      ],
    ],
    [
      'NodePorts at and past the ends of the default range',
      [
        prodServices(
          '{ name: a, category: other, endpoints: [{ exposure: node-port, ports: [{ port: 80, nodePort: 30000 }, { port: 81, nodePort: 32767 }, { port: 82, nodePort: 29999 }, { port: 83, nodePort: 32768 }] }] }',
        ),
      ],
      [
        "warning clusters[0].platformServices[0].endpoints[0].ports[2].nodePort: NodePort 29999 is outside Kubernetes' default NodePort range 30000-32767; fine only if the API server's --service-node-port-range was changed [node-port-range]",
        "warning clusters[0].platformServices[0].endpoints[0].ports[3].nodePort: NodePort 32768 is outside Kubernetes' default NodePort range 30000-32767; fine only if the API server's --service-node-port-range was changed [node-port-range]",
      ],
    ],
    [
      'one address and port for two services, per protocol (tcp unless said), and ports without an address',
      [
        prodServices(
          '{ name: dns, category: dns, endpoints: [{ exposure: load-balancer, address: 10.0.20.101, ports: [{ port: 53, protocol: udp }, { port: 53 }] }] }',
          '{ name: resolver, category: dns, endpoints: [{ exposure: load-balancer, address: 10.0.20.101, ports: [{ port: 53, protocol: tcp }, { port: 53, protocol: udp }] }] }',
          '{ name: web, category: other, endpoints: [{ exposure: load-balancer, address: 10.0.20.102, ports: [{ port: 443 }] }, { ports: [{ port: 80 }] }] }',
          '{ name: proxy, category: other, endpoints: [{ exposure: load-balancer, address: 10.0.20.102, ports: [{ port: 443 }] }] }',
          '{ name: www, category: other, endpoints: [{ ports: [{ port: 80 }] }] }',
        ),
      ],
      [
        'error clusters[0].platformServices[1].endpoints[0].ports[0].port: 10.0.20.101 port 53/tcp is already the endpoint of dns of cluster "prod"; two services cannot answer on one address and port [endpoint-address-duplicate]',
        'error clusters[0].platformServices[1].endpoints[0].ports[1].port: 10.0.20.101 port 53/udp is already the endpoint of dns of cluster "prod"; two services cannot answer on one address and port [endpoint-address-duplicate]',
        'error clusters[0].platformServices[3].endpoints[0].ports[0].port: 10.0.20.102 port 443/tcp is already the endpoint of web of cluster "prod"; two services cannot answer on one address and port [endpoint-address-duplicate]',
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});
