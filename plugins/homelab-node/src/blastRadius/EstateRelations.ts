import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { PlacedWorkload } from './PlacedWorkload';

/** The spec.homelab fields the blast radius walks. */
interface RelationFacts {
  kind?: string;
  hostedOn?: string;
  connectedTo?: string[];
  interfaces?: Array<{ network: string }>;
  cluster?: string;
  nodeName?: string;
  roles?: string[];
  backedBy?: string;
  replicas?: number;
  distribution?: string;
  environment?: string;
}

/** A catalog resource as the blast radius names it. */
interface EstateResource {
  ref: string;
  title: string;
  type: string;
  facts: RelationFacts;
}

/** A Kubernetes node with the machine it runs on. */
export interface EstateNode extends EstateResource {
  name: string;
  cluster: string;
  roles: string[];
  machine?: string;
}

/** Upstream of every cable: a router or modem, where a path to the internet starts. */
const ROOT_KINDS = new Set(['router', 'modem']);
const MACHINE_TYPES = new Set<string>([
  HOMELAB_RESOURCE_TYPES.device,
  HOMELAB_RESOURCE_TYPES.virtualMachine,
]);

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
};

const facts = (entity: Entity) => (entity.spec?.homelab ?? {}) as RelationFacts;

/**
 * The estate's relations indexed both ways, once per catalog and workload
 * placement, so that each blast-radius question walks only what it reaches:
 * what each machine hosts (modules in a board, VMs on a host, storage on a
 * NAS, nodes on a machine), the cables between machines, the networks each
 * machine has an address on, every cluster's nodes and workloads, and the
 * storage backed by other storage.
 */
export class EstateRelations {
  readonly resources = new Map<string, EstateResource>();
  /** What runs on or in each resource: its hostedOn reversed, and storage by what backs it. */
  readonly carried = new Map<string, string[]>();
  /** Cables between machines, both ways. */
  readonly cables = new Map<string, string[]>();
  /** The machines that have an interface on each network. */
  readonly machinesOn = new Map<string, string[]>();
  /** Routers and modems: where a path to the internet starts. */
  readonly roots = new Set<string>();
  readonly nodesOfCluster = new Map<string, EstateNode[]>();
  readonly nodesOnMachine = new Map<string, EstateNode[]>();
  readonly workloadsOfCluster = new Map<string, PlacedWorkload[]>();
  /** Longhorn storage classes of each cluster. */
  readonly storageClassesOf = new Map<string, EstateResource[]>();
  readonly clusterRefs = new Map<string, string>();

  constructor(resources: Entity[], workloads: PlacedWorkload[]) {
    for (const entity of resources) this.#addResource(entity);
    for (const workload of workloads)
      push(this.workloadsOfCluster, workload.cluster, workload);
  }

  #addResource(entity: Entity) {
    const ref = stringifyEntityRef(entity);
    const resource: EstateResource = {
      ref,
      title: entity.metadata.title ?? entity.metadata.name,
      type: String(entity.spec?.type ?? ''),
      facts: facts(entity),
    };
    this.resources.set(ref, resource);
    const { hostedOn, backedBy, kind, cluster } = resource.facts;
    if (hostedOn) push(this.carried, hostedOn, ref);
    if (resource.type === HOMELAB_RESOURCE_TYPES.storage) {
      const namespace = entity.metadata.namespace ?? 'default';
      if (backedBy)
        push(this.carried, `resource:${namespace}/${backedBy}`, ref);
      if (kind === 'longhorn' && cluster)
        push(this.storageClassesOf, cluster, resource);
    }
    if (resource.type === HOMELAB_RESOURCE_TYPES.cluster)
      this.clusterRefs.set(entity.metadata.name, ref);
    if (resource.type === HOMELAB_RESOURCE_TYPES.node) this.#addNode(resource);
    if (MACHINE_TYPES.has(resource.type)) this.#addMachine(resource);
  }

  #addMachine(machine: EstateResource) {
    if (ROOT_KINDS.has(machine.facts.kind ?? '')) this.roots.add(machine.ref);
    for (const target of machine.facts.connectedTo ?? []) {
      // Interfaces name the networks; every other connection is a cable.
      if (machine.facts.interfaces?.some(i => target.endsWith(`/${i.network}`)))
        continue;
      push(this.cables, machine.ref, target);
      push(this.cables, target, machine.ref);
    }
    for (const { network } of machine.facts.interfaces ?? [])
      push(this.machinesOn, network, machine.ref);
  }

  #addNode(resource: EstateResource) {
    const { cluster, nodeName, roles, hostedOn } = resource.facts;
    if (!cluster) return;
    const node: EstateNode = {
      ...resource,
      name: nodeName ?? resource.title,
      cluster,
      roles: roles ?? [],
      ...(hostedOn ? { machine: hostedOn } : {}),
    };
    push(this.nodesOfCluster, cluster, node);
    if (hostedOn) push(this.nodesOnMachine, hostedOn, node);
  }

  /** Whether a resource is a machine: a device or a virtual machine. */
  isMachine(ref: string): boolean {
    return MACHINE_TYPES.has(this.resources.get(ref)?.type ?? '');
  }
}
