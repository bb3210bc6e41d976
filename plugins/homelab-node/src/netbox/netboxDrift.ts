import { resourceRef } from '../entities/entityRefs';

/**
 * Where the YAML inventory and NetBox disagree about an item both declare
 * (a section in merge mode keeps the YAML's facts).
 *
 * @public
 */
export interface NetboxDrift {
  /** The NetBox source, as homelab.inventory.netbox names it. */
  source: string;
  /** Both declare the item, with different facts. */
  kind: 'differs';
  /** The entity concerned, like resource:default/core-switch. */
  entityRef: string;
  /** The disagreement, for people. */
  message: string;
}

type Item = Record<string, unknown>;

const text = (value: unknown) =>
  value === undefined ? 'nothing' : `"${String(value)}"`;

function addresses(item: Item): string[] {
  const interfaces = (item.interfaces ?? []) as Array<{ address?: string }>;
  return interfaces
    .map(i => i.address)
    .filter((a): a is string => !!a)
    .sort();
}

/** Facts compared, each read from an item of the section. */
const FACTS: Record<
  'devices' | 'networks',
  Record<string, (item: Item) => unknown>
> = {
  devices: {
    kind: item => (item.kind === 'unknown' ? undefined : item.kind),
    vendor: item => item.vendor,
    model: item => item.model,
    status: item => item.status ?? 'active',
    'management address': item =>
      (item.management as Item | undefined)?.address,
    addresses: item => addresses(item).join(', ') || undefined,
  },
  networks: {
    cidr: item => (item.cidr === 'unknown' ? undefined : item.cidr),
    vlan: item => item.vlan,
    gateway: item => item.gateway,
    status: item => item.status ?? 'active',
  },
};

/**
 * The facts of an item on which NetBox and the YAML inventory differ; a fact
 * only one of them states is not a difference.
 */
export function netboxDifferences(
  source: string,
  section: 'devices' | 'networks',
  yaml: Item & { name: string },
  netbox: Item,
): NetboxDrift[] {
  const drift: NetboxDrift[] = [];
  for (const [fact, read] of Object.entries(FACTS[section])) {
    const ours = read(yaml);
    const theirs = read(netbox);
    if (ours === undefined || theirs === undefined || ours === theirs) continue;
    drift.push({
      source,
      kind: 'differs',
      entityRef: resourceRef(yaml.name),
      message: `NetBox "${source}" says ${fact} ${text(
        theirs,
      )}, the inventory ${text(ours)}`,
    });
  }
  return drift;
}
