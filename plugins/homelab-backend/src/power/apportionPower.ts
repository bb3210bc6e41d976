import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  HOMELAB_RESOURCE_TYPES,
  PowerConsumerKind,
} from '@homelab/plugin-homelab-common';
import { CpuUse } from './cpuUse';

/** What a share of a device's draw goes to. */
export interface ConsumerIdentity {
  kind: PowerConsumerKind;
  name: string;
  entityRef?: string;
  cluster?: string;
}

/** A consumer's fraction of one device's draw. */
export interface ConsumerShare {
  consumer: ConsumerIdentity;
  fraction: number;
}

interface PlacementFacts {
  hostedOn?: string;
  cluster?: string;
  partOf?: string[];
}

const facts = (entity: Entity) =>
  (entity.spec?.homelab ?? {}) as PlacementFacts;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export const consumerKey = (c: ConsumerIdentity) =>
  `${c.kind}|${c.cluster ?? ''}|${c.name}`;

/**
 * Splits a device's draw down what runs on it, by CPU use: a device's draw
 * goes to the virtual machines, modules and Kubernetes nodes hosted on it in
 * proportion to the CPU cores each used over the window (a guest by its own
 * measured use, else by the use of the nodes inside it); a node's draw goes
 * to the apps whose pods ran there in proportion to their containers' CPU
 * use. A lone child takes its parent's whole draw whatever its use; where
 * nothing was measured to split by, the draw stays with the last entity
 * reached, as an 'unattributed' share. So the apps' and unattributed shares
 * of a device always add up to the whole device, idle draw included.
 */
export class PowerApportioner {
  readonly #children = new Map<string, Entity[]>();
  readonly #entities = new Map<string, Entity>();

  /**
   * @param resources - devices, virtual machines, nodes and clusters
   * @param roots - the devices whose draw is split, each on its own: their
   *   hosted devices that are roots themselves are not their children
   */
  constructor(resources: Entity[], roots: Set<string>) {
    for (const entity of resources) {
      const ref = stringifyEntityRef(entity);
      this.#entities.set(ref, entity);
      const parent = facts(entity).hostedOn;
      if (!parent || roots.has(ref)) continue;
      this.#children.set(parent, [
        ...(this.#children.get(parent) ?? []),
        entity,
      ]);
    }
  }

  /** The consumers of one device's draw and their fractions of it. */
  shares(deviceRef: string, cpu: CpuUse): ConsumerShare[] {
    const shares = new Map<string, ConsumerShare>();
    const add = (consumer: ConsumerIdentity, fraction: number) => {
      const key = consumerKey(consumer);
      const share = shares.get(key) ?? { consumer, fraction: 0 };
      share.fraction += fraction;
      shares.set(key, share);
    };
    this.#walk(deviceRef, 1, true, cpu, add);
    return [...shares.values()];
  }

  #weight(ref: string, cpu: CpuUse): number {
    const entity = this.#entities.get(ref);
    if (entity?.spec?.type === HOMELAB_RESOURCE_TYPES.node)
      return sum([...(cpu.apps.get(ref)?.values() ?? [])].map(a => a.cores));
    return (
      cpu.guests.get(ref) ??
      sum(
        (this.#children.get(ref) ?? []).map(child =>
          this.#weight(stringifyEntityRef(child), cpu),
        ),
      )
    );
  }

  #walk(
    ref: string,
    fraction: number,
    isRoot: boolean,
    cpu: CpuUse,
    add: (consumer: ConsumerIdentity, fraction: number) => void,
  ): void {
    const entity = this.#entities.get(ref);
    const type = entity?.spec?.type;
    const name = entity?.metadata.name ?? ref;
    if (type === HOMELAB_RESOURCE_TYPES.node) {
      this.#walkNode(entity!, ref, fraction, cpu, add);
      return;
    }
    if (!isRoot) {
      add(
        {
          kind:
            type === HOMELAB_RESOURCE_TYPES.virtualMachine
              ? 'virtual-machine'
              : 'device',
          name,
          entityRef: ref,
        },
        fraction,
      );
    }
    const children = (this.#children.get(ref) ?? []).map(stringifyEntityRef);
    const weights = children.map(child => this.#weight(child, cpu));
    const total = sum(weights);
    if (total > 0) {
      children.forEach((child, i) => {
        if (weights[i] > 0)
          this.#walk(child, (fraction * weights[i]) / total, false, cpu, add);
      });
    } else if (children.length === 1) {
      this.#walk(children[0], fraction, false, cpu, add);
    } else {
      add({ kind: 'unattributed', name, entityRef: ref }, fraction);
    }
  }

  /** A node's draw goes to the apps whose pods ran on it, by their CPU use. */
  #walkNode(
    entity: Entity,
    ref: string,
    fraction: number,
    cpu: CpuUse,
    add: (consumer: ConsumerIdentity, fraction: number) => void,
  ): void {
    const { cluster, partOf } = facts(entity);
    add(
      { kind: 'node', name: entity.metadata.name, entityRef: ref, cluster },
      fraction,
    );
    if (cluster) {
      add(
        { kind: 'cluster', name: cluster, entityRef: partOf?.[0], cluster },
        fraction,
      );
    }
    const apps = [...(cpu.apps.get(ref)?.values() ?? [])];
    const total = sum(apps.map(a => a.cores));
    if (!(total > 0)) {
      add(
        { kind: 'unattributed', name: entity.metadata.name, entityRef: ref },
        fraction,
      );
      return;
    }
    for (const { app, cores } of apps) {
      add({ kind: 'app', ...app }, (fraction * cores) / total);
    }
  }
}
