import fs from 'node:fs';
import path from 'node:path';
import { loadInvalidCorpus } from '../testing/corpus';
import { formatProblem } from './problems';
import { validateInventoryFiles } from './validateInventory';

/*
 * The validator's former false negatives and false positive (issue 13), and
 * the rules of the format's new facts: each problem word for word, with its
 * file, line and column. The invalid cases are also in the bad-input corpus;
 * the warnings are in test-corpus/warnings, inventories that stay valid.
 */

const corpus = new Map(loadInvalidCorpus().map(c => [c.name, c]));

describe('the former false negatives and the new rules, word for word', () => {
  it.each<[string, string[]]>([
    [
      '160-dhcp-range-holds-network-address',
      [
        '160-dhcp-range-holds-network-address.yaml:13:9: error: networks[0].dhcp[0]: 10.0.0.0-10.0.0.99 includes the network address 10.0.0.0 of 10.0.0.0/24, which no host can be given [range-not-host] (see inventory-reference.md#networks)',
      ],
    ],
    [
      '161-dhcp-range-holds-broadcast-address',
      [
        '161-dhcp-range-holds-broadcast-address.yaml:13:9: error: networks[0].dhcp[0]: 10.0.0.100-10.0.0.255 includes the broadcast address 10.0.0.255 of 10.0.0.0/24, which no host can be given [range-not-host] (see inventory-reference.md#networks)',
      ],
    ],
    [
      '162-gateway-is-network-address',
      [
        '162-gateway-is-network-address.yaml:11:14: error: networks[0].gateway: the gateway 10.0.0.0 is the network address of 10.0.0.0/24, not a host address; a router cannot answer on it [gateway-not-host] (see inventory-reference.md#networks)',
      ],
    ],
    [
      '163-vm-more-vcpus-than-host',
      [
        '163-vm-more-vcpus-than-host.yaml:30:12: error: devices[2].vcpus: 12 vCPUs, but its host "host" has 8 CPUs; a VM cannot have more vCPUs than its host has logical CPUs [vm-exceeds-host] (see inventory-reference.md#devices)',
      ],
    ],
    [
      '164-vm-more-memory-than-host',
      [
        '164-vm-more-memory-than-host.yaml:23:15: warning: devices[1].memoryGB: its 1 active and planned VMs have up to 64 GB of memory, more than 1x its 32 GB (set overcommit.memory on the host or the site to allow more) [host-overcommitted] (see inventory-reference.md#devices)',
        '164-vm-more-memory-than-host.yaml:31:15: error: devices[2].memoryGB: 64 GB of memory, but its host "host" has 32 GB; the VM cannot start [vm-exceeds-host] (see inventory-reference.md#devices)',
      ],
    ],
    [
      '165-api-server-address-nothing-holds',
      [
        '165-api-server-address-nothing-holds.yaml:38:23: error: clusters[0].apiServer.url: nothing in the inventory holds the API server address 10.0.0.50 of network "lan": no device interface has it and no reservation or pool keeps it; add it to the interfaces of the control-plane device, or reserve it in its network as the control plane\'s virtual IP [api-server-address] (see inventory-reference.md#clusters)',
      ],
    ],
    [
      '166-l2-pool-on-unattached-network',
      [
        '166-l2-pool-on-unattached-network.yaml:47:18: error: clusters[0].loadBalancerPools[0].network: pool "iot-pool" is announced in layer 2 mode on network "iot", but no node of cluster "prod" is attached to it (its nodes are on lan); layer 2 announcements reach only a network a node is on [pool-network-unattached] (see inventory-reference.md#clusters)',
      ],
    ],
    [
      '167-default-class-on-s3',
      [
        '167-default-class-on-s3.yaml:45:19: error: storage[0].defaultClass: "defaultClass" is for storage classes of a cluster (Longhorn, local-path, Ceph, or a share with "cluster"); s3 storage is not one [field-not-for-kind] (see inventory-reference.md#storage)',
      ],
    ],
    [
      '168-default-class-on-database',
      [
        '168-default-class-on-database.yaml:45:19: error: storage[0].defaultClass: "defaultClass" is for storage classes of a cluster (Longhorn, local-path, Ceph, or a share with "cluster"); database storage without "cluster" is not one [field-not-for-kind] (see inventory-reference.md#storage)',
      ],
    ],
    [
      '169-vcpus-on-server',
      [
        '169-vcpus-on-server.yaml:23:12: error: devices[1].vcpus: "vcpus" is for virtual machines; a server states its physical cores in cpu.cores [field-not-for-kind] (see inventory-reference.md#devices)',
      ],
    ],
    [
      '170-backup-without-destination',
      [
        '170-backup-without-destination.yaml:42:5: error: backups[0]: a backup job copies data elsewhere; add "destination" (a storage item, device or external service) [backup-without-destination] (see inventory-reference.md#backups)',
      ],
    ],
    [
      '171-backup-schedule-unreadable',
      [
        '171-backup-schedule-unreadable.yaml:46:15: error: backups[0].schedule: "every night" is not a schedule: expected five cron fields (minute hour day month weekday), @daily and the like, "@every 6h" or "continuous" [backup-schedule] (see inventory-reference.md#backups)',
      ],
    ],
    [
      '172-backup-target-names-two-things',
      [
        '172-backup-target-names-two-things.yaml:45:9: error: backups[0].sources[0]: name one thing only; this names cluster and device [target-shape] (see inventory-reference.md#backups)',
      ],
    ],
    [
      '173-external-service-used-by-unknown-service',
      [
        '173-external-service-used-by-unknown-service.yaml:45:35: error: externalServices[0].usedBy[0].service: cluster "prod" has no platform service "cert-manager"; its services: none [unknown-reference] (see inventory-reference.md#externalservices)',
      ],
    ],
    [
      '174-node-pod-cidr-outside-cluster',
      [
        '174-node-pod-cidr-outside-cluster.yaml:41:78: error: clusters[0].nodes[0].podCidr: node "vm-1" has pod network 10.43.0.0/24, outside the cluster\'s podCidr 10.42.0.0/16; the CNI hands nodes parts of the cluster\'s pod network [node-pod-cidr] (see inventory-reference.md#clusters)',
      ],
    ],
    [
      '175-endpoint-address-duplicate',
      [
        '175-endpoint-address-duplicate.yaml:49:51: error: clusters[0].platformServices[1].endpoints[0].ports[0].port: 10.0.0.60 port 443/tcp is already the endpoint of traefik of cluster "prod"; two services cannot answer on one address and port [endpoint-address-duplicate] (see inventory-reference.md#clusters)',
      ],
    ],
    [
      '176-cluster-named-like-network',
      [
        '176-cluster-named-like-network.yaml:35:11: error: clusters[0].name: this cluster and the network "kubernetes" at 176-cluster-named-like-network.yaml:9 would both be the catalog Resource "kubernetes": networks, uplinks, devices, clusters, storage, backup jobs, external services, cluster nodes and address pools all become catalog Resources of the site, so their names must differ even across sections; rename one of them [entity-name-collision] (see inventory-reference.md#names)',
      ],
    ],
    [
      '177-quantity-range-reversed',
      [
        '177-quantity-range-reversed.yaml:31:15: error: devices[2].memoryGB: the range starts above its end: min must not be above max [schema] (see inventory-reference.md#devices)',
      ],
    ],
    [
      '178-folder-references-into-broken-file',
      [
        'network.yaml: warning: 1 reference to a name defined nowhere else (network "lan") was not checked: it may be defined in this file, which could not be read. Fix its errors first [references-not-checked] (see inventory-reference.md#inventory-reference)',
        'network.yaml:10:1: error: YAML Flow sequence in block collection must be sufficiently indented and end with a ] [yaml-syntax] (see inventory-reference.md#inventory-reference)',
      ],
    ],
  ])('%s', (name, expected) => {
    const corpusCase = corpus.get(name) ?? corpus.get(`${name}.yaml`);
    expect(corpusCase).toBeDefined();
    const result = validateInventoryFiles(corpusCase!.files);
    expect(result.problems.map(formatProblem)).toEqual(expected);
  });
});

describe('warnings where a homelab may legitimately differ, on valid inventories', () => {
  const folder = path.resolve(__dirname, '../../test-corpus/warnings');
  it.each<[string, string[]]>([
    [
      'endpoints',
      [
        'endpoints.yaml:49:49: warning: clusters[0].platformServices[0].endpoints[0].address: 10.0.0.70 is in no load-balancer pool of cluster "prod"; a LoadBalancer Service gets its address from one [endpoint-address-outside-pools] (see inventory-reference.md#clusters)',
        "endpoints.yaml:53:66: warning: clusters[0].platformServices[1].endpoints[0].ports[0].nodePort: NodePort 8080 is outside Kubernetes' default NodePort range 30000-32767; fine only if the API server's --service-node-port-range was changed [node-port-range] (see inventory-reference.md#clusters)",
      ],
    ],
    [
      'overcommit',
      [
        'overcommit.yaml:20:10: warning: devices[1].cpu: its 5 active and planned VMs have up to 36 vCPUs, 4.5 per CPU of its 8, above the over-commit ratio 4 (set overcommit.cpu on the host or the site to allow more) [host-overcommitted] (see inventory-reference.md#devices)',
        'overcommit.yaml:21:15: warning: devices[1].memoryGB: its 5 active and planned VMs have up to 40 GB of memory, more than 1x its 32 GB (set overcommit.memory on the host or the site to allow more) [host-overcommitted] (see inventory-reference.md#devices)',
      ],
    ],
    [
      'rpo',
      [
        'rpo.yaml:47:10: warning: recoveryObjectives[0].rpo: the RPO is 1h, but the most frequent backup of cluster "prod", "weekly", runs only every 7d (@weekly); a restore could lose more than the RPO allows [rpo-not-met] (see inventory-reference.md#recoveryobjectives)',
        'rpo.yaml:50:9: warning: recoveryObjectives[0].appliesTo[1]: no active backup job has device "host" among its sources, so nothing in the inventory meets the RPO of 1h [rpo-without-backup] (see inventory-reference.md#recoveryobjectives)',
      ],
    ],
    [
      'vm-architecture',
      [
        'vm-architecture.yaml:27:19: warning: devices[2].architecture: an arm64 virtual machine on "host", an amd64 host, runs only under full CPU emulation, many times slower; check the architecture of the VM or of its host [vm-architecture] (see inventory-reference.md#devices)',
      ],
    ],
    ['overcommit-allowed', []],
  ])('%s', (name, expected) => {
    const file = `${name}.yaml`;
    const result = validateInventoryFiles([
      { name: file, content: fs.readFileSync(path.join(folder, file)) },
    ]);
    expect(result.problems.map(formatProblem)).toEqual(expected);
    expect(result.inventory).toBeDefined();
  });
});
