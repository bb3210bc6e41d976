import { InventoryProblem } from '../problems';
import { validateInventoryFiles } from '../validateInventory';
import {
  editedInventory,
  MINIMAL_INVENTORY,
} from './__testUtils__/minimalInventory';

/*
 * Every problem the inventory rules report, word for word and where, for
 * one change at a time to the minimal valid inventory: what an operator
 * reads in the catalog's inventory status and the CLI. The bad-input corpus
 * checks that each rule fires; this checks what it says, and that it says
 * nothing else.
 */

const minimal = MINIMAL_INVENTORY;

const edited = (edits: Array<[string, string]>) =>
  editedInventory(minimal, edits);

/** Problems without their line and column, which the edits move. */
const said = (problems: InventoryProblem[]) =>
  problems.map(p => `${p.severity} ${p.path}: ${p.message} [${p.rule}]`);

const problemsOf = (edits: Array<[string, string]>) =>
  said(
    validateInventoryFiles([{ name: 'inventory.yaml', content: edited(edits) }])
      .problems,
  );

/** The line of the minimal inventory where `text` starts, for "file:line" pointers. */
const lineOf = (text: string) =>
  minimal.slice(0, minimal.indexOf(text)).split('\n').length;

describe('the problems of the address plan', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'a network written with host bits',
      [['cidr: 10.0.10.0/24', 'cidr: 10.0.10.7/24']],
      [
        'error networks[0].cidr: 10.0.10.7/24 is not a network address: the host bits are set; did you mean 10.0.10.0/24? [network-address]',
      ],
    ],
    [
      'a VLAN id used twice',
      [['vlan: 20', 'vlan: 10']],
      [
        `error networks[1].vlan: VLAN 10 is already used by network "lan" (inventory.yaml:${lineOf(
          '  - name: lan',
        )}) [duplicate-vlan]`,
      ],
    ],
    [
      'a gateway outside its network',
      [['gateway: 10.0.10.1', 'gateway: 10.0.11.1']],
      [
        'error networks[0].gateway: the gateway 10.0.11.1 is not inside 10.0.10.0/24 [address-outside-network]',
      ],
    ],
    [
      'networks that share addresses',
      [['cidr: 10.0.20.0/24', 'cidr: 10.0.0.0/16']],
      [
        `error networks[1].cidr: 10.0.0.0/16 overlaps network "lan" (10.0.10.0/24, inventory.yaml:${lineOf(
          '  - name: lan',
        )}); networks must not share addresses [network-overlap]`,
      ],
    ],
    [
      'a DHCP range that mixes families',
      [['end: 10.0.10.199', 'end: "fd00::1"']],
      [
        'error networks[0].dhcp[0]: the range mixes IPv4 and IPv6 (10.0.10.100 to fd00::1) [range-family]',
      ],
    ],
    [
      'a DHCP range written backwards',
      [
        [
          '{ start: 10.0.10.100, end: 10.0.10.199 }',
          '{ start: 10.0.10.199, end: 10.0.10.100 }',
        ],
      ],
      [
        'error networks[0].dhcp[0]: the range starts at 10.0.10.199, after its end 10.0.10.100; swap them [range-reversed]',
      ],
    ],
    [
      'a DHCP range outside its network',
      [['end: 10.0.10.199', 'end: 10.0.11.20']],
      [
        'error networks[0].dhcp[0]: 10.0.10.100-10.0.11.20 is not inside network "lan" (10.0.10.0/24) [address-outside-network]',
      ],
    ],
    [
      'a DHCP range that includes the gateway',
      [
        ['start: 10.0.10.100', 'start: 10.0.10.1'],
        [
          '{ network: lan, address: 10.0.10.1 }',
          '{ network: lan, address: 10.0.10.2 }',
        ],
      ],
      [
        'error networks[0].dhcp[0]: the DHCP range 10.0.10.1-10.0.10.199 includes the gateway 10.0.10.1; DHCP would hand the gateway address to a client [gateway-in-dhcp]',
        'error networks[0].reserved[0]: 10.0.10.50, reserved for spare switch overlaps the DHCP range 10.0.10.1-10.0.10.199 in network "lan"; an address must belong to one of them only [reserved-overlap]',
        'error devices[0].interfaces[0].address: 10.0.10.2 is inside the DHCP range 10.0.10.1-10.0.10.199; DHCP could hand it to another device. Use an address outside the range, or shrink the range [address-in-dhcp-range]',
      ],
    ],
    [
      'two DHCP ranges that overlap',
      [
        [
          '{ start: 10.0.10.100, end: 10.0.10.199 }',
          '{ start: 10.0.10.100, end: 10.0.10.199 }\n      - { start: 10.0.10.190, end: 10.0.10.210 }',
        ],
      ],
      [
        'error networks[0].dhcp[1]: the DHCP range 10.0.10.190-10.0.10.210 overlaps the DHCP range 10.0.10.100-10.0.10.199 in network "lan"; an address must belong to one of them only [dhcp-overlap]',
      ],
    ],
    [
      'a load-balancer pool in the DHCP range',
      [
        [
          '{ start: 10.0.20.100, end: 10.0.20.119 }',
          '{ start: 10.0.20.190, end: 10.0.20.209 }',
        ],
      ],
      [
        'error clusters[0].loadBalancerPools[0].addresses[0]: the load-balancer pool "prod-pool" of cluster "prod" (10.0.20.190-10.0.20.209) overlaps the DHCP range 10.0.20.200-10.0.20.250 in network "servers"; an address must belong to one of them only [pool-overlaps-dhcp]',
      ],
    ],
    [
      'two load-balancer pools that overlap',
      [
        [
          '{ start: 10.0.20.100, end: 10.0.20.119 }',
          '{ start: 10.0.20.100, end: 10.0.20.119 }\n          - { start: 10.0.20.110, end: 10.0.20.129 }',
        ],
      ],
      [
        'error clusters[0].loadBalancerPools[0].addresses[1]: the load-balancer pool "prod-pool" of cluster "prod" (10.0.20.110-10.0.20.129) overlaps the load-balancer pool "prod-pool" of cluster "prod" (10.0.20.100-10.0.20.119) in network "servers"; an address must belong to one of them only [pool-overlap]',
      ],
    ],
    [
      'a load-balancer pool over a reservation',
      [
        [
          'network: servers\n        addresses:\n          - { start: 10.0.20.100, end: 10.0.20.119 }',
          'network: lan\n        addresses:\n          - { start: 10.0.10.40, end: 10.0.10.59 }',
        ],
      ],
      [
        'error clusters[0].loadBalancerPools[0].addresses[0]: the load-balancer pool "prod-pool" of cluster "prod" (10.0.10.40-10.0.10.59) overlaps 10.0.10.50, reserved for spare switch in network "lan"; an address must belong to one of them only [pool-overlap]',
      ],
    ],
    [
      'static addresses in the DHCP range, a pool, a reservation, and outside the network',
      [
        [
          '{ network: servers, address: 10.0.20.10 }',
          '{ network: servers, address: 10.0.20.105 }',
        ],
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: servers, address: 10.0.30.5 }',
        ],
        [
          '{ network: servers, address: 10.0.20.12 }',
          '{ network: lan, address: 10.0.10.50 }',
        ],
      ],
      [
        'error devices[4].interfaces[0].address: 10.0.10.50 is inside 10.0.10.50, reserved for spare switch [address-reserved]',
        'error devices[5].interfaces[0].address: 10.0.20.105 is inside the load-balancer pool "prod-pool" of cluster "prod" (10.0.20.100-10.0.20.119); the load balancer could give it to a service [address-in-pool]',
        'error devices[6].interfaces[0].address: 10.0.30.5 is not inside network "servers" (10.0.20.0/24) [address-outside-network]',
      ],
    ],
    [
      'the network and broadcast addresses of a network',
      [
        [
          '{ network: servers, address: 10.0.20.10 }',
          '{ network: servers, address: 10.0.20.0 }',
        ],
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: servers, address: 10.0.20.255 }',
        ],
      ],
      [
        'error devices[5].interfaces[0].address: 10.0.20.0 is the network address of 10.0.20.0/24, not a host address [address-not-host]',
        'error devices[6].interfaces[0].address: 10.0.20.255 is the broadcast address of 10.0.20.0/24, not a host address [address-not-host]',
      ],
    ],
    [
      'one address on two devices',
      [
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: servers, address: 10.0.20.10 }',
        ],
      ],
      [
        `error devices[6].interfaces[0].address: 10.0.20.10 is already assigned to device "pi" (inventory.yaml:${lineOf(
          '  - name: pi',
        )}) [duplicate-address]`,
      ],
    ],
    [
      'management addresses inside and outside the networks',
      [
        [
          '    kind: sbc\n',
          '    kind: sbc\n    management: { address: 10.0.20.201 }\n',
        ],
        [
          '    kind: server\n',
          '    kind: server\n    management: { address: 192.168.1.5 }\n',
        ],
      ],
      [
        'error devices[5].management.address: 10.0.20.201 is inside the DHCP range 10.0.20.200-10.0.20.250; DHCP could hand it to another device. Use an address outside the range, or shrink the range [address-in-dhcp-range]',
        'warning devices[6].management.address: the management address 192.168.1.5 is not inside any network of the inventory [address-unknown-network]',
      ],
    ],
    [
      'the gateway address on a device that is not a router',
      [
        [
          '{ network: servers, address: 10.0.20.1 }',
          '{ network: servers, address: 10.0.20.2 }',
        ],
        [
          '{ network: servers, address: 10.0.20.10 }',
          '{ network: servers, address: 10.0.20.1 }',
        ],
      ],
      [
        'warning devices[5].interfaces[0].address: 10.0.20.1 is the gateway of network "servers", but "pi" is a sbc, not a router [gateway-address]',
      ],
    ],
    [
      'cluster networks that shadow the LAN or each other',
      [
        ['podCidr: 10.244.0.0/16', 'podCidr: 10.0.0.0/16'],
        ['serviceCidr: 10.96.0.0/12', 'serviceCidr: 10.0.128.0/17'],
      ],
      [
        'error clusters[0].podCidr: podCidr 10.0.0.0/16 overlaps LAN network "lan" (10.0.10.0/24); pods and services would shadow real hosts [cluster-cidr-collision]',
        'error clusters[0].podCidr: podCidr 10.0.0.0/16 overlaps LAN network "servers" (10.0.20.0/24); pods and services would shadow real hosts [cluster-cidr-collision]',
        'error clusters[0].serviceCidr: serviceCidr 10.0.128.0/17 overlaps podCidr 10.0.0.0/16 [cluster-cidr-collision]',
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});

describe('the problems of clusters, hardware and storage', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'a cluster without a control plane, and one with two',
      [
        ['roles: [control-plane, worker, storage]', 'roles: [worker, storage]'],
        [
          '{ name: pi, device: pi, roles: [control-plane, worker] }',
          '{ name: pi, device: pi, roles: [control-plane, worker] }\n      - { name: hypervisor, device: hypervisor, roles: [control-plane] }',
        ],
      ],
      [
        'error clusters[0].nodes: no node has the control-plane role; a cluster needs at least one to run the API server and etcd [control-plane-missing]',
        'warning clusters[1].nodes: 2 control-plane nodes give etcd no extra fault tolerance over 1; use an odd number (1, 3 or 5) [control-plane-even]',
      ],
    ],
    [
      'one device running two nodes',
      [
        [
          '{ name: pi, device: pi, roles: [control-plane, worker] }',
          '{ name: pi, device: module-2, roles: [control-plane, worker] }',
        ],
      ],
      [
        'error clusters[1].nodes[0].device: device "module-2" already runs node "module-2" of cluster "prod"; one device runs one node [device-runs-two-nodes]',
      ],
    ],
    [
      'a node on a device out of service, and an auth provider the locator ignores',
      [
        [
          '  - name: pi\n    kind: sbc\n',
          '  - name: pi\n    kind: sbc\n    status: retired\n',
        ],
        [
          '    distribution: k3s\n',
          '    distribution: k3s\n    apiServer: { url: "https://10.0.20.10:6443", authProvider: serviceAccount }\n',
        ],
      ],
      [
        "warning clusters[1].apiServer.authProvider: Backstage's catalog cluster locator ignores clusters with the serviceAccount auth provider; leave authProvider out and give the portal this cluster in homelab.clusters with its token (@homelab/plugin-kubernetes-backend-module-homelab) [kubernetes-auth-provider]",
        'warning clusters[1].nodes[0].device: node "pi" runs on "pi", whose status is retired [node-on-inactive-device]',
      ],
    ],
    [
      'a module may take the slot a planned module is meant for',
      [
        [
          '  - name: module-1\n    kind: compute-module\n',
          '  - name: module-1\n    kind: compute-module\n    status: planned\n',
        ],
        [
          'slot: { board: board, number: 2 }',
          'slot: { board: board, number: 1 }',
        ],
      ],
      [],
    ],
    [
      'a planned module may wait for a taken slot, but a third module is refused, naming the one there',
      [
        [
          '  - name: module-2\n    kind: compute-module\n',
          '  - name: module-2\n    kind: compute-module\n    status: planned\n',
        ],
        [
          'slot: { board: board, number: 2 }',
          'slot: { board: board, number: 1 }',
        ],
        [
          '  - name: pi\n',
          '  - name: module-3\n    kind: compute-module\n    slot: { board: board, number: 1 }\n  - name: pi\n',
        ],
      ],
      [
        `error devices[5].slot: slot 1 of "board" is already taken by "module-1" (inventory.yaml:${lineOf(
          '  - name: module-1',
        )}) [slot-double-booked]`,
      ],
    ],
    [
      'per-node pod networks over each other',
      [
        [
          'apiVersion: homelab.dev/v1alpha1',
          'apiVersion: homelab.dev/v1alpha2',
        ],
        [
          'roles: [control-plane, worker, storage] }',
          'roles: [control-plane, worker, storage], podCidr: 10.244.1.0/24 }',
        ],
        [
          'roles: [worker, storage] }',
          'roles: [worker, storage], podCidr: 10.244.1.128/25 }',
        ],
      ],
      [
        'error clusters[0].nodes[1].podCidr: node "module-2" has pod network 10.244.1.128/25, which overlaps that of node "module-1" (10.244.1.0/24); two nodes would hand out the same pod addresses [node-pod-cidr]',
      ],
    ],
    [
      'per-node pod networks over each other, the later node holding the lower addresses',
      [
        [
          'apiVersion: homelab.dev/v1alpha1',
          'apiVersion: homelab.dev/v1alpha2',
        ],
        [
          'roles: [control-plane, worker, storage] }',
          'roles: [control-plane, worker, storage], podCidr: 10.244.1.128/25 }',
        ],
        [
          'roles: [worker, storage] }',
          'roles: [worker, storage], podCidr: 10.244.1.0/24 }',
        ],
      ],
      [
        'error clusters[0].nodes[1].podCidr: node "module-2" has pod network 10.244.1.0/24, which overlaps that of node "module-1" (10.244.1.128/25); two nodes would hand out the same pod addresses [node-pod-cidr]',
      ],
    ],
    [
      "a node's pod network outside the cluster's and over its services",
      [
        [
          'apiVersion: homelab.dev/v1alpha1',
          'apiVersion: homelab.dev/v1alpha2',
        ],
        [
          'roles: [control-plane, worker, storage] }',
          'roles: [control-plane, worker, storage], podCidr: 10.96.1.0/24 }',
        ],
      ],
      [
        'error clusters[0].nodes[0].podCidr: node "module-1" has pod network 10.96.1.0/24, outside the cluster\'s podCidr 10.244.0.0/16; the CNI hands nodes parts of the cluster\'s pod network [node-pod-cidr]',
        'error clusters[0].nodes[0].podCidr: node "module-1" has pod network 10.96.1.0/24, which overlaps serviceCidr 10.96.0.0/12 [cluster-cidr-collision]',
      ],
    ],
    [
      "a cluster's service network and a node's pod network over LANs, in a cluster without a podCidr",
      [
        [
          'apiVersion: homelab.dev/v1alpha1',
          'apiVersion: homelab.dev/v1alpha2',
        ],
        [
          '    distribution: k3s\n',
          '    distribution: k3s\n    serviceCidr: 10.0.10.0/24\n',
        ],
        [
          '{ name: pi, device: pi, roles: [control-plane, worker] }',
          '{ name: pi, device: pi, roles: [control-plane, worker], podCidr: 10.0.20.128/25 }',
        ],
      ],
      [
        'error clusters[1].serviceCidr: serviceCidr 10.0.10.0/24 overlaps LAN network "lan" (10.0.10.0/24); pods and services would shadow real hosts [cluster-cidr-collision]',
        'error clusters[1].nodes[0].podCidr: nodes[0].podCidr 10.0.20.128/25 overlaps LAN network "servers" (10.0.20.0/24); pods and services would shadow real hosts [cluster-cidr-collision]',
      ],
    ],
    [
      'storage where its kind cannot live',
      [
        [
          'apiVersion: homelab.dev/v1alpha1',
          'apiVersion: homelab.dev/v1alpha2',
        ],
        [
          '    replicas: 2\n',
          `    replicas: 2\n${[
            '{ name: s-local, kind: local-path }',
            '{ name: s-zfs, kind: zfs-pool }',
            '{ name: s-lvm, kind: lvm }',
            '{ name: s-thin, kind: lvm-thin }',
            '{ name: s-dir, kind: directory }',
            '{ name: s-smb, kind: smb }',
            '{ name: s-s3, kind: s3 }',
            '{ name: s-ceph, kind: ceph }',
            '{ name: s-nfs, kind: nfs, device: pi, namespace: media }',
          ]
            .map(item => `  - ${item}\n`)
            .join('')}`,
        ],
      ],
      [
        'error storage[1]: local-path storage is a class of a cluster; add "cluster" [storage-needs-cluster]',
        'error storage[2]: zfs-pool storage is served by a device; add "device" (or "backedBy" for storage built on other storage) [storage-needs-device]',
        'error storage[3]: lvm storage is served by a device; add "device" (or "backedBy" for storage built on other storage) [storage-needs-device]',
        'error storage[4]: lvm-thin storage is served by a device; add "device" (or "backedBy" for storage built on other storage) [storage-needs-device]',
        'error storage[5]: directory storage is served by a device; add "device" (or "backedBy" for storage built on other storage) [storage-needs-device]',
        'error storage[6]: smb storage is served by a device; add "device" (or "backedBy" for storage built on other storage) [storage-needs-device]',
        'error storage[7]: a s3 service is served by a device or runs in a cluster; add "device" or "cluster" [storage-needs-device]',
        'error storage[8]: ceph storage is served by a device or runs in a cluster; add "device" or "cluster" [storage-needs-device]',
        'error storage[9].namespace: "namespace" is for storage that runs in a cluster; add "cluster" [field-not-for-kind]',
      ],
    ],
    [
      'shares of a cluster as storage classes, replicas beyond the storage nodes, and replicas on what is not Longhorn',
      [
        [
          'apiVersion: homelab.dev/v1alpha1',
          'apiVersion: homelab.dev/v1alpha2',
        ],
        ['roles: [worker, storage] }', 'roles: [worker] }'],
        [
          '    replicas: 2\n',
          `    replicas: 2\n    defaultClass: true\n${[
            '{ name: share, kind: smb, device: pi, cluster: prod, defaultClass: true }',
            '{ name: files, kind: nfs, device: pi, cluster: prod, defaultClass: true }',
            '{ name: scratch, kind: local-path, cluster: prod, replicas: 3 }',
          ]
            .map(item => `  - ${item}\n`)
            .join('')}`,
        ],
      ],
      [
        'warning storage[0].replicas: 2 replicas need 2 nodes, but cluster "prod" has 1 that can hold them; volumes would stay degraded [replicas-exceed-nodes]',
        'error storage[1].defaultClass: cluster "prod" already has "fast" as its default storage class [two-default-classes]',
        'error storage[2].defaultClass: cluster "prod" already has "fast" as its default storage class [two-default-classes]',
        'error storage[3].replicas: "replicas" is for Longhorn; this is local-path [field-not-for-kind]',
      ],
    ],
    [
      'a node on a spare device',
      [
        [
          '  - name: pi\n    kind: sbc\n',
          '  - name: pi\n    kind: sbc\n    status: spare\n',
        ],
      ],
      [
        'warning clusters[1].nodes[0].device: node "pi" runs on "pi", whose status is spare [node-on-inactive-device]',
      ],
    ],
    [
      'slots: on a device that is not a module, past the board, on a board that does not count them, and taken',
      [
        [
          'slot: { board: board, number: 2 }',
          'slot: { board: board, number: 5 }',
        ],
        [
          '  - name: pi\n    kind: sbc\n',
          '  - name: pi\n    kind: sbc\n    slot: { board: board, number: 1 }\n',
        ],
      ],
      [
        'error devices[4].slot.number: board "board" has 4 slots; there is no slot 5 [slot-out-of-range]',
        'warning devices[5].slot: a sbc usually does not sit in a board slot; is kind "compute-module" meant? [slot-on-non-module]',
        `error devices[5].slot: slot 1 of "board" is already taken by "module-1" (inventory.yaml:${lineOf(
          '  - name: module-1',
        )}) [slot-double-booked]`,
      ],
    ],
    [
      'the last slot of a board, and a planned module sharing a slot',
      [
        [
          'slot: { board: board, number: 2 }',
          'slot: { board: board, number: 4 }',
        ],
        [
          '  - name: pi\n',
          '  - name: module-3\n    kind: compute-module\n    status: planned\n    slot: { board: board, number: 1 }\n  - name: pi\n',
        ],
      ],
      [],
    ],
    [
      'a board that does not say how many slots it has',
      [['    kind: board\n    slots: 4\n', '    kind: board\n']],
      [
        'error devices[3].slot.board: board "board" does not say how many slots it has; add "slots" to it [slot-unknown-count]',
        'error devices[4].slot.board: board "board" does not say how many slots it has; add "slots" to it [slot-unknown-count]',
      ],
    ],
    [
      'fields that do not fit the kind of device',
      [
        ['    host: hypervisor\n    vmid: 101\n', '    vmid: 101\n'],
        [
          '  - name: hypervisor\n    kind: server\n',
          '  - name: hypervisor\n    kind: server\n    host: hypervisor\n    vmid: 102\n    slots: 2\n',
        ],
      ],
      [
        'error devices[6].host: "host" is for virtual machines; this device is a server [field-not-for-kind]',
        'error devices[6].vmid: "vmid" is for virtual machines; this device is a server [field-not-for-kind]',
        'error devices[6].slots: "slots" is for boards; this device is a server [field-not-for-kind]',
        'error devices[7]: a virtual machine needs "host": the server it runs on [vm-without-host]',
      ],
    ],
    [
      'storage without its cluster or device, and replicas where they do not fit',
      [
        [
          '  - name: fast\n    kind: longhorn\n    cluster: prod\n    replicas: 2\n',
          '  - name: fast\n    kind: longhorn\n    replicas: 2\n  - name: share\n    kind: nfs\n    replicas: 2\n  - name: local\n    kind: local-path\n    cluster: stage\n',
        ],
      ],
      [
        'error storage[0]: longhorn storage is a class of a cluster; add "cluster" [storage-needs-cluster]',
        'error storage[1]: nfs storage is served by a device; add "device" (or "backedBy" for storage built on other storage) [storage-needs-device]',
        'error storage[1].replicas: "replicas" is for Longhorn; this is nfs [field-not-for-kind]',
      ],
    ],
    [
      'more Longhorn replicas than nodes that can hold them, and two default classes',
      [
        [
          '    cluster: prod\n    replicas: 2\n',
          '    cluster: prod\n    replicas: 3\n    defaultClass: true\n  - name: slow\n    kind: local-path\n    cluster: prod\n    defaultClass: true\n  - name: stage-fast\n    kind: longhorn\n    cluster: stage\n    replicas: 2\n    defaultClass: true\n',
        ],
      ],
      [
        'warning storage[0].replicas: 3 replicas need 3 nodes, but cluster "prod" has 2 that can hold them; volumes would stay degraded [replicas-exceed-nodes]',
        'error storage[1].defaultClass: cluster "prod" already has "fast" as its default storage class [two-default-classes]',
        'warning storage[2].replicas: 2 replicas need 2 nodes, but cluster "stage" has 1 that can hold them; volumes would stay degraded [replicas-exceed-nodes]',
      ],
    ],
    [
      'exactly as many Longhorn replicas as storage nodes',
      [['    replicas: 2\n', '    replicas: 2\n    defaultClass: true\n']],
      [],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});

describe('the problems of references and names', () => {
  const extraDevices = [1, 2, 3, 4, 5]
    .map(n => `  - name: extra-${n}\n    kind: switch\n`)
    .join('');

  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'references to nothing, with the closest name and the known ones',
      [
        [
          '{ network: servers, address: 10.0.20.10 }',
          '{ network: server, address: 10.0.20.10 }',
        ],
        [
          '{ network: servers, address: 10.0.20.5 }',
          '{ network: wifi, address: 10.0.20.5 }',
        ],
      ],
      [
        'error devices[5].interfaces[0].network: unknown network "server"; did you mean "servers"? Known networks: lan, servers. [unknown-reference]',
        'error devices[6].interfaces[0].network: unknown network "wifi". Known networks: lan, servers. [unknown-reference]',
      ],
    ],
    [
      'a reference among more than twelve names',
      [
        ['    router: router\n', '    router: routr\n'],
        ['  - name: pi\n', `${extraDevices}  - name: pi\n`],
      ],
      [
        'error wan[0].router: unknown device "routr"; did you mean "router"? Known devices: router, switch, board, module-1, module-2, extra-1, extra-2, extra-3, extra-4, extra-5, pi, hypervisor, .... [unknown-reference]',
      ],
    ],
    [
      'a reference among exactly twelve names, all listed',
      [
        ['    router: router\n', '    router: routr\n'],
        [
          '  - name: pi\n',
          `${extraDevices.split('  - name: extra-5')[0]}  - name: pi\n`,
        ],
      ],
      [
        'error wan[0].router: unknown device "routr"; did you mean "router"? Known devices: router, switch, board, module-1, module-2, extra-1, extra-2, extra-3, extra-4, pi, hypervisor, vm-1. [unknown-reference]',
      ],
    ],
    [
      'a reference into a section the inventory leaves empty',
      [
        [
          'environments:\n  - name: staging\n    promotesTo: production\n  - name: production\n',
          '',
        ],
      ],
      [
        'error clusters[0].environment: unknown environment "production". The inventory defines no environments. [unknown-reference]',
        'error clusters[1].environment: unknown environment "staging". The inventory defines no environments. [unknown-reference]',
      ],
    ],
    [
      'a device of unknown kind where a kind is required: not known to be wrong',
      [
        [
          '  - name: router\n    kind: router\n',
          '  - name: router\n    kind: unknown\n',
        ],
      ],
      [],
    ],
    [
      'references to the wrong kind of device',
      [
        ['    router: router\n', '    router: switch\n    via: pi\n'],
        [
          'slot: { board: board, number: 1 }',
          'slot: { board: switch, number: 1 }',
        ],
        [
          '{ name: pi, device: pi, roles: [control-plane, worker] }',
          '{ name: pi, device: router, roles: [control-plane, worker] }',
        ],
        ['    host: hypervisor\n', '    host: pi\n'],
      ],
      [
        'error wan[0].router: "switch" is a switch, but the device terminating an uplink must be a router [wrong-reference-kind]',
        'error wan[0].via: "pi" is a sbc, but the device an uplink runs through must be a modem [wrong-reference-kind]',
        'error devices[3].slot.board: "switch" is a switch, but the device holding a module must be a board [wrong-reference-kind]',
        'error devices[7].host: "pi" is a sbc, but the host of a virtual machine must be a server or mini-pc or nas or workstation [wrong-reference-kind]',
        'error clusters[1].nodes[0].device: "router" is a router, but the device a node runs on must be a mini-pc or compute-module or sbc or server or nas or workstation or virtual-machine [wrong-reference-kind]',
      ],
    ],
    [
      'things that refer to themselves',
      [
        [
          '      - { device: router }',
          '      - { device: router }\n      - { device: switch }',
        ],
        ['    replicas: 2\n', '    replicas: 2\n    backedBy: fast\n'],
      ],
      [
        'error devices[1].links[1].device: a device cannot be cabled to itself [self-reference]',
        'error storage[0].backedBy: storage cannot be backed by itself [self-reference]',
      ],
    ],
    [
      'an environment that promotes to itself, and one that promotes to it',
      [
        [
          '  - name: production\n',
          '  - name: production\n    promotesTo: production\n',
        ],
      ],
      [
        'error environments[0].promotesTo: promotions loop: staging -> production -> production; the last environment must promote nowhere [promotion-cycle]',
        'error environments[1].promotesTo: an environment cannot promote to itself [promotion-cycle]',
      ],
    ],
    [
      'environments that promote in a loop',
      [
        [
          '  - name: production\n',
          '  - name: production\n    promotesTo: staging\n',
        ],
      ],
      [
        'error environments[0].promotesTo: promotions loop: staging -> production -> staging; the last environment must promote nowhere [promotion-cycle]',
        'error environments[1].promotesTo: promotions loop: production -> staging -> production; the last environment must promote nowhere [promotion-cycle]',
      ],
    ],
    [
      'a name used twice in a section, and one that two sections would give the catalog',
      [
        ['  - name: vm-1\n', '  - name: pi\n'],
        ['  - name: fast\n', '  - name: router\n'],
      ],
      [
        `error devices[7].name: device name "pi" is already used in devices by the device at inventory.yaml:${lineOf(
          '  - name: pi',
        )} [duplicate-name]`,
        `error storage[0].name: this storage and the device "router" at inventory.yaml:${lineOf(
          '  - name: router',
        )} would both be the catalog Resource "router": networks, uplinks, devices, clusters, storage, backup jobs, external services, cluster nodes and address pools all become catalog Resources of the site, so their names must differ even across sections; rename one of them [entity-name-collision]`,
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    expect(problemsOf(edits)).toEqual(expected);
  });
});
