import { InventoryProblem } from '../problems';
import { validateInventoryFiles } from '../validateInventory';
import {
  editedInventory,
  MINIMAL_INVENTORY_V1ALPHA2,
} from './__testUtils__/minimalInventory';

/*
 * Every problem of names (rules/names.ts), word for word and where: a name
 * used twice in a section or in a cluster, and two things the catalog would
 * give one entity name, or a name it cannot take. Each case changes the
 * minimal valid inventory, with operations sections added so every section
 * holds something to collide with.
 */

const minimal = `${MINIMAL_INVENTORY_V1ALPHA2}backups:
  - name: snapshots
    kind: snapshot
    sources: [{ storage: fast }]
recoveryObjectives:
  - name: critical
    appliesTo: [{ storage: fast }]
externalServices:
  - name: dns
    category: dns
`;

const edited = (edits: Array<[string, string]>) =>
  editedInventory(minimal, edits);

/** The line of `text` where `marker` first starts. */
const lineIn = (text: string, marker: string) =>
  text.slice(0, text.indexOf(marker)).split('\n').length;

/**
 * The problems of the edited inventory without their line and column, and
 * the expected ones, where @{marker} stands for the "file:line" of the
 * first line holding marker.
 */
function problemsAndExpected(
  edits: Array<[string, string]>,
  expected: string[],
) {
  const text = edited(edits);
  const problems = validateInventoryFiles([
    { name: 'inventory.yaml', content: text },
  ]).problems.map(
    (p: InventoryProblem) =>
      `${p.severity} ${p.path}: ${p.message} [${p.rule}]`,
  );
  return {
    problems,
    expected: expected.map(line =>
      line.replace(
        /@\{([^}]*)\}/g,
        (_, marker: string) => `inventory.yaml:${lineIn(text, marker)}`,
      ),
    ),
  };
}

describe('names used twice', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'in each section, the first item keeping the name',
      [
        ['  - name: production\n', '  - name: production\n  - name: staging\n'],
        ['wan:\n', '  - { name: servers, cidr: 10.0.30.0/24 }\nwan:\n'],
        [
          'devices:\n',
          '  - { name: fiber, type: fiber, role: failover, router: router }\ndevices:\n',
        ],
        [
          'storage:\n',
          '  - { name: stage, environment: staging, distribution: k3s, nodes: [{ name: h, device: hypervisor, roles: [control-plane] }] }\nstorage:\n',
        ],
        ['backups:\n', '  - { name: fast, kind: nfs, device: pi }\nbackups:\n'],
        [
          'recoveryObjectives:\n',
          '  - { name: snapshots, kind: snapshot, sources: [{ device: pi }] }\nrecoveryObjectives:\n',
        ],
        [
          'externalServices:\n',
          '  - { name: critical, appliesTo: [{ device: pi }] }\nexternalServices:\n',
        ],
        [
          '    category: dns\n',
          '    category: dns\n  - { name: dns, category: dns }\n',
        ],
      ],
      [
        'error environments[2].name: environment name "staging" is already used in environments by the environment at @{  - name: staging} [duplicate-name]',
        'error networks[2].name: network name "servers" is already used in networks by the network at @{  - name: servers} [duplicate-name]',
        'error wan[1].name: uplink name "fiber" is already used in wan by the uplink at @{  - name: fiber} [duplicate-name]',
        'error clusters[2].name: cluster name "stage" is already used in clusters by the cluster at @{  - name: stage} [duplicate-name]',
        'error storage[1].name: storage name "fast" is already used in storage by the storage at @{  - name: fast} [duplicate-name]',
        'error backups[1].name: backup job name "snapshots" is already used in backups by the backup job at @{  - name: snapshots} [duplicate-name]',
        'error recoveryObjectives[1].name: recovery objective name "critical" is already used in recoveryObjectives by the recovery objective at @{  - name: critical} [duplicate-name]',
        'error externalServices[1].name: external service name "dns" is already used in externalServices by the external service at @{  - name: dns} [duplicate-name]',
      ],
    ],
    [
      'in a cluster: nodes, pools and platform services',
      [
        [
          '      - { name: module-2, device: module-2, roles: [worker, storage] }',
          '      - { name: module-1, device: module-2, roles: [worker, storage] }',
        ],
        [
          '    loadBalancerPools:\n',
          '    platformServices:\n      - { name: flux, category: gitops }\n      - { name: flux, category: gitops }\n    loadBalancerPools:\n      - { name: prod-pool, type: metallb, network: servers, addresses: [{ start: 10.0.20.120, end: 10.0.20.129 }] }\n',
        ],
      ],
      [
        'error clusters[0].nodes[1].name: node name "module-1" is already used in cluster "prod" by the node at @{  - name: prod\n} (nodes.0) [duplicate-name]',
        'error clusters[0].platformServices[1].name: platform service name "flux" is already used in cluster "prod" by the platform service at @{  - name: prod\n} (platformServices.0) [duplicate-name]',
        'error clusters[0].loadBalancerPools[1].name: address pool name "prod-pool" is already used in cluster "prod" by the address pool at @{  - name: prod\n} (loadBalancerPools.0) [duplicate-name]',
      ],
    ],
    [
      "a second board named board, with one slot: the compute modules stay in the first board's four",
      [
        [
          'clusters:\n',
          '  - { name: board, kind: board, slots: 1 }\nclusters:\n',
        ],
      ],
      [
        'error devices[8].name: device name "board" is already used in devices by the device at @{  - name: board} [duplicate-name]',
      ],
    ],
  ])('%s', (_case, edits, expected) => {
    const said = problemsAndExpected(edits, expected);
    expect(said.problems).toEqual(said.expected);
  });
});

const RESOURCES =
  'networks, uplinks, devices, clusters, storage, backup jobs, external services, cluster nodes and address pools all become catalog Resources of the site, so their names must differ even across sections; rename one of them [entity-name-collision]';
const SYSTEMS =
  'environments and the shared network, storage and compute areas all become catalog Systems, so their names must differ even across sections; rename one of them [entity-name-collision]';

describe('names the catalog would give two things, or cannot take', () => {
  it.each<[string, Array<[string, string]>, string[]]>([
    [
      'Resources of every section, a node and an address pool',
      [
        ['  - name: lan\n', '  - name: fiber\n'],
        [
          '{ network: lan, address: 10.0.10.1 }',
          '{ network: fiber, address: 10.0.10.1 }',
        ],
        ['  - name: switch\n', '  - name: prod\n'],
        ['  - name: fast\n', '  - name: snapshots\n'],
        ['sources: [{ storage: fast }]', 'sources: [{ storage: snapshots }]'],
        [
          'appliesTo: [{ storage: fast }]',
          'appliesTo: [{ storage: snapshots }]',
        ],
        ['  - name: dns\n', '  - name: stage-pi\n'],
        ['      - name: prod-pool\n', '      - name: router\n'],
      ],
      [
        `error wan[0].name: this uplink and the network "fiber" at @{  - name: fiber} would both be the catalog Resource "fiber": ${RESOURCES}`,
        `error clusters[0].name: this cluster and the device "prod" at @{  - name: prod\n} would both be the catalog Resource "prod": ${RESOURCES}`,
        `error clusters[0].loadBalancerPools[0].name: this address pool and the device "router" at @{  - name: router} would both be the catalog Resource "router": ${RESOURCES}`,
        `error clusters[1].nodes[0].name: this node and the external service "stage-pi" at @{  - name: stage-pi} would both be the catalog Resource "stage-pi": ${RESOURCES}`,
        `error backups[0].name: this backup job and the storage "snapshots" at @{  - name: snapshots} would both be the catalog Resource "snapshots": ${RESOURCES}`,
      ],
    ],
    [
      'Components: platform services of two clusters',
      [
        [
          '    distribution: talos\n',
          '    distribution: talos\n    platformServices:\n      - { name: stage-flux, category: gitops }\n',
        ],
        ['  - name: stage\n', '  - name: prod-stage\n'],
        [
          '    distribution: k3s\n',
          '    distribution: k3s\n    platformServices:\n      - { name: flux, category: gitops }\n',
        ],
      ],
      [
        'error clusters[1].platformServices[0].name: this platform service and the platform service "prod-stage-flux" at @{  - name: prod\n} would both be the catalog Component "prod-stage-flux": platform services all become catalog Components, so their names must differ even across sections; rename one of them [entity-name-collision]',
      ],
    ],
    [
      'Systems: environments named like the shared areas of the site',
      [
        ['promotesTo: production', 'promotesTo: lab-storage'],
        ['  - name: staging\n', '  - name: lab-network\n'],
        ['environment: staging', 'environment: lab-network'],
        [
          '  - name: production\n',
          '  - name: lab-storage\n  - name: lab-compute\n',
        ],
        ['environment: production', 'environment: lab-storage'],
      ],
      [
        `error site.name: this shared network system of the site and the environment "lab-network" at @{  - name: lab-network} would both be the catalog System "lab-network": ${SYSTEMS}`,
        `error site.name: this shared storage system of the site and the environment "lab-storage" at @{  - name: lab-storage} would both be the catalog System "lab-storage": ${SYSTEMS}`,
        `error site.name: this shared compute system of the site and the environment "lab-compute" at @{  - name: lab-compute} would both be the catalog System "lab-compute": ${SYSTEMS}`,
      ],
    ],
    [
      'a node name too long for the catalog once its cluster is added',
      [
        [
          '{ name: pi, device: pi, roles: [control-plane, worker] }',
          `{ name: ${'n'.repeat(
            58,
          )}, device: pi, roles: [control-plane, worker] }`,
        ],
      ],
      [
        `error clusters[1].nodes[0].name: the catalog entity name "stage-${'n'.repeat(
          58,
        )}" derived for this node is not valid (must be at most 63 characters); shorten the names it is made of [entity-name]`,
      ],
    ],
    [
      'a node name exactly as long as the catalog takes once its cluster is added',
      [
        [
          '{ name: pi, device: pi, roles: [control-plane, worker] }',
          `{ name: ${'n'.repeat(
            57,
          )}, device: pi, roles: [control-plane, worker] }`,
        ],
      ],
      [],
    ],
  ])('%s', (_case, edits, expected) => {
    const said = problemsAndExpected(edits, expected);
    expect(said.problems).toEqual(said.expected);
  });
});
