import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { homelabSpecSchemas } from '@homelab/plugin-homelab-common';
import { readInventoryFromPath } from '../inventory/readInventory';
import { validateInventoryFiles } from '../inventory/validateInventory';
import path from 'node:path';
import { ClusterDiscovery } from './ClusterDiscovery';
import { inventoryToEntities } from './inventoryToEntities';

const exampleDir = path.resolve(__dirname, '../../../../examples/homelab');

async function exampleInventory() {
  const validation = validateInventoryFiles(
    await readInventoryFromPath(exampleDir),
  );
  return { inventory: validation.inventory!, origins: validation.origins };
}

const byName = (entities: Entity[], kind: string, name: string) =>
  entities.find(e => e.kind === kind && e.metadata.name === name)!;

const liveFacts = (overrides: object = {}) => ({
  observedAt: '2026-11-22T10:41:00.000Z',
  stale: false,
  kubeletVersion: 'v1.31.2',
  architecture: 'arm64',
  ready: 'True' as const,
  internalIP: '192.168.100.11',
  ...overrides,
});

describe('inventoryToEntities with the example homelab', () => {
  it("emits entities that pass the catalog's own entity policies and kind validators", async () => {
    const { inventory, origins } = await exampleInventory();
    const entities = inventoryToEntities(inventory, { origins });
    const policy = EntityPolicies.allOf([
      new DefaultNamespaceEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(),
      new SchemaValidEntityPolicy(),
    ]);
    const validators: Record<string, (e: Entity) => Promise<boolean>> = {
      Resource: e => resourceEntityV1alpha1Validator.check(e),
      Component: e => componentEntityV1alpha1Validator.check(e),
      System: e => systemEntityV1alpha1Validator.check(e),
      Domain: e => domainEntityV1alpha1Validator.check(e),
    };
    for (const entity of entities) {
      await expect(policy.enforce(entity)).resolves.toBeDefined();
      await expect(validators[entity.kind](entity)).resolves.toBe(true);
    }
  });

  it('gives every homelab entity a spec.homelab the processor accepts', async () => {
    const { inventory, origins } = await exampleInventory();
    const invalid = inventoryToEntities(inventory, { origins })
      .filter(entity => (entity.spec as any)?.homelab)
      .map(entity => ({
        name: entity.metadata.name,
        result: (homelabSpecSchemas as any)[
          entity.spec!.type as string
        ].safeParse((entity.spec as any).homelab),
      }))
      .filter(({ result }) => !result.success)
      .map(({ name, result }) => `${name}: ${result.error.message}`);
    expect(invalid).toEqual([]);
  });

  it('models the whole estate: every device, network, pool, storage, cluster, node and platform service', async () => {
    const { inventory, origins } = await exampleInventory();
    const entities = inventoryToEntities(inventory, { origins });
    const count = (kind: string, type?: string) =>
      entities.filter(
        e => e.kind === kind && (type === undefined || e.spec?.type === type),
      ).length;
    expect({
      domains: count('Domain'),
      environments: count('System', 'environment'),
      sharedSystems: count('System', 'shared-infrastructure'),
      devices: count('Resource', 'device'),
      virtualMachines: count('Resource', 'virtual-machine'),
      networks: count('Resource', 'network'),
      clusters: count('Resource', 'kubernetes-cluster'),
      nodes: count('Resource', 'kubernetes-node'),
      pools: count('Resource', 'ip-pool'),
      storage: count('Resource', 'storage'),
      platformServices: count('Component', 'platform-service'),
    }).toEqual({
      domains: 1,
      environments: 2,
      sharedSystems: 3,
      devices: 10,
      virtualMachines: 1,
      networks: 8, // six VLAN-style networks and two WAN uplinks
      clusters: 2,
      nodes: 4,
      pools: 2,
      storage: 8,
      platformServices: 22, // ten each, and Loki planned in both
    });
  });

  it('places hardware: a module in its board slot, in the environment its node serves', async () => {
    const { inventory, origins } = await exampleInventory();
    const entities = inventoryToEntities(inventory, { origins });
    const rk1 = byName(entities, 'Resource', 'rk1-2');
    expect(rk1.spec).toMatchObject({
      type: 'device',
      owner: 'group:homelab-admins',
      system: 'production',
      homelab: {
        kind: 'compute-module',
        slot: { board: 'resource:default/turing-pi-2', number: 2 },
        hostedOn: 'resource:default/turing-pi-2',
        connectedTo: ['resource:default/serverlan'],
        accelerators: [{ type: 'npu', tops: 6, count: 1 }],
      },
    });
    expect(rk1.metadata.annotations).toMatchObject({
      'homelab.dev/inventory-source': expect.stringMatching(
        /^hardware\.yaml:\d+ \(devices\[2\]\)$/,
      ),
      'backstage.io/managed-by-location': `file:${path.join(
        exampleDir,
        'hardware.yaml',
      )}`,
    });
    expect(byName(entities, 'Resource', 'turing-pi-2').spec?.system).toBe(
      'production',
    );
    expect(byName(entities, 'Resource', 'unifi-switch').spec?.system).toBe(
      'hallonen-network',
    );
    expect(byName(entities, 'Resource', 'qnap').spec?.system).toBe(
      'hallonen-storage',
    );
    expect(byName(entities, 'Resource', 'pve-docker').spec).toMatchObject({
      type: 'virtual-machine',
      homelab: { hostedOn: 'resource:default/proxmox', vmid: 100 },
    });
  });
});

describe('inventoryToEntities, for what Backstage plugins read', () => {
  it('gives clusters the annotations the Kubernetes plugin reads', async () => {
    const { inventory, origins } = await exampleInventory();
    const cluster = byName(
      inventoryToEntities(inventory, { origins }),
      'Resource',
      'production',
    );
    expect(cluster.metadata.annotations).toMatchObject({
      'kubernetes.io/api-server': 'https://192.168.100.11:6443',
      'kubernetes.io/api-server-certificate-authority':
        expect.stringMatching(/^LS0tLS1CRUdJTi/),
    });
    // The example's portal supplies its clusters through homelab.clusters,
    // so the entities claim no auth provider that it does not configure.
    expect(cluster.metadata.annotations).not.toHaveProperty(
      'kubernetes.io/auth-provider',
    );
    expect(cluster.spec).toMatchObject({
      type: 'kubernetes-cluster',
      system: 'production',
      homelab: {
        distribution: 'talos',
        cni: 'flannel',
        controlPlaneNodes: 1,
        nodeCount: 3,
      },
    });
  });

  it('orders environments with a promotion relation field', async () => {
    const { inventory, origins } = await exampleInventory();
    const staging = byName(
      inventoryToEntities(inventory, { origins }),
      'System',
      'staging',
    );
    expect(staging.spec).toMatchObject({
      type: 'environment',
      domain: 'hallonen',
      homelab: {
        updates: 'automatic',
        promotesTo: 'system:default/production',
      },
    });
  });

  it("points the site's Domain at the generated architecture docs only when asked", async () => {
    const { inventory, origins } = await exampleInventory();
    const annotations = (options: { docsLocation?: string }) =>
      byName(
        inventoryToEntities(inventory, { origins, ...options }),
        'Domain',
        'hallonen',
      ).metadata.annotations;
    expect(annotations({})).not.toHaveProperty('backstage.io/techdocs-ref');
    expect(annotations({ docsLocation: 'hallonen' })).toMatchObject({
      'backstage.io/techdocs-ref': 'dir:.',
      'homelab.dev/inventory-docs': 'hallonen',
    });
  });
});

describe('inventoryToEntities merging live discovery', () => {
  it('shows nodes as not checked when their cluster is not configured', async () => {
    const { inventory, origins } = await exampleInventory();
    const node = byName(
      inventoryToEntities(inventory, { origins }),
      'Resource',
      'production-rk1-1',
    );
    expect(node.spec).toMatchObject({
      type: 'kubernetes-node',
      homelab: {
        presence: 'not-checked',
        hostedOn: 'resource:default/rk1-1',
        partOf: ['resource:default/production'],
      },
    });
    expect((node.spec as any).homelab.live).toBeUndefined();
  });

  it('adds live facts, reports drift both ways, and shows nodes only the cluster knows', async () => {
    const { inventory, origins } = await exampleInventory();
    const discovery: ClusterDiscovery[] = [
      {
        cluster: 'production',
        state: 'ok',
        checkedAt: '2026-11-22T10:41:00.000Z',
        lastSuccessAt: '2026-11-22T10:41:00.000Z',
        nodes: {
          'rk1-1': liveFacts(),
          'rk1-2': liveFacts({
            architecture: 'amd64',
            internalIP: '192.168.100.42',
          }),
          'rk1-4': liveFacts({ internalIP: '192.168.100.14' }),
        },
      },
    ];
    const entities = inventoryToEntities(inventory, { origins, discovery });
    expect(
      (byName(entities, 'Resource', 'production-rk1-1').spec as any).homelab,
    ).toMatchObject({
      presence: 'in-inventory-and-cluster',
      live: { kubeletVersion: 'v1.31.2', ready: 'True' },
    });
    expect(
      (byName(entities, 'Resource', 'production-rk1-1').spec as any).homelab
        .drift,
    ).toBeUndefined();
    expect(
      (byName(entities, 'Resource', 'production-rk1-2').spec as any).homelab
        .drift,
    ).toEqual([
      'architecture: the inventory says arm64, the cluster reports amd64',
      'address: the inventory gives 192.168.100.12, the node reports 192.168.100.42',
    ]);
    expect(
      (byName(entities, 'Resource', 'production-rk1-3').spec as any).homelab,
    ).toMatchObject({
      presence: 'inventory-only',
      drift: ['not found in the cluster'],
    });
    expect(byName(entities, 'Resource', 'production-rk1-4')).toMatchObject({
      metadata: { tags: ['arm64', 'not-in-inventory'] },
      spec: {
        homelab: {
          presence: 'cluster-only',
          drift: ['not in the inventory'],
        },
      },
    });
  });

  it('keeps stale facts marked stale, with the error, when the cluster read failed', async () => {
    const { inventory, origins } = await exampleInventory();
    const discovery: ClusterDiscovery[] = [
      {
        cluster: 'staging',
        state: 'failed',
        checkedAt: '2026-11-22T11:00:00.000Z',
        lastSuccessAt: '2026-11-22T10:41:00.000Z',
        error: 'cluster "staging": the request timed out',
        nodes: {
          'rpi-staging': liveFacts({
            internalIP: '192.168.100.10',
            stale: true,
            error: 'cluster "staging": the request timed out',
          }),
        },
      },
    ];
    const node = byName(
      inventoryToEntities(inventory, { origins, discovery }),
      'Resource',
      'staging-rpi-staging',
    );
    expect((node.spec as any).homelab.live).toMatchObject({
      stale: true,
      observedAt: '2026-11-22T10:41:00.000Z',
      error: 'cluster "staging": the request timed out',
    });
  });
});
