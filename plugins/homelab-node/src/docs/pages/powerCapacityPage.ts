import {
  Cluster,
  Device,
  HOMELAB_RESOURCE_TYPES,
  amountBounds,
  boardBudget,
  decimalText,
  DEFAULT_OVERCOMMIT,
  boardPowerFit,
} from '@homelab/plugin-homelab-common';
import { inventoryToEntities } from '../../entities/inventoryToEntities';
import { DocsContext } from '../docsContext';
import { hardwareTotals } from '../hardwareTotals';
import { NOT_STATED, counted, page, table } from '../markdown';

const HOURS_A_DAY = 24;
const DAYS_A_MONTH = 30;

const kWh = (watts: number, hours: number) =>
  `${decimalText(Math.round((watts * hours) / 10) / 100)} kWh`;

/**
 * Each device's energy at the draw the inventory states, running all day:
 * at its typical draw, else at most its peak. Devices that state no draw
 * are left out and counted.
 */
function energySection(context: DocsContext): string {
  const machines = context.inventory.devices.filter(
    d => d.kind !== 'virtual-machine' && d.status !== 'retired',
  );
  const rows = machines.flatMap(device => {
    const { typicalW, maxW } = device.power ?? {};
    const watts = typicalW ?? maxW;
    if (watts === undefined) return [];
    const at = typicalW !== undefined ? '' : 'at most ';
    return [
      [
        context.titleOf(device),
        typicalW !== undefined
          ? `~${decimalText(typicalW)} W typical`
          : `up to ${decimalText(maxW!)} W peak`,
        `${at}${kWh(watts, HOURS_A_DAY)}`,
        `${at}${kWh(watts, HOURS_A_DAY * DAYS_A_MONTH)}`,
      ],
    ];
  });
  const unstated = machines.length - rows.length;
  return [
    '## Energy',
    rows.length
      ? table(['Device', 'Draw stated', 'A day', 'In 30 days'], rows)
      : 'No device states its power draw.',
    rows.length && unstated
      ? `${counted(unstated, 'device')} state no draw and are left out.`
      : undefined,
    "These are the inventory's figures running all day; the portal's Power tab measures the draw where a source is configured and prices it.",
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Each board's slots and its supply against its modules' draw and one more like them. */
function boardsSection(context: DocsContext): string | undefined {
  const entities = inventoryToEntities(context.inventory, {
    origins: new WeakMap(),
  });
  const devices = entities.filter(
    e => e.spec?.type === HOMELAB_RESOURCE_TYPES.device,
  );
  const boards = devices.filter(e => {
    const homelab = e.spec?.homelab as { kind?: string } | undefined;
    return homelab?.kind === 'board';
  });
  if (!boards.length) return undefined;
  const rows = boards.map(entity => {
    const budget = boardBudget(entity, devices);
    const used = budget.modules.map(m => `${m.slot}: ${m.name}`).join(', ');
    const free =
      budget.slots === undefined
        ? NOT_STATED
        : String(budget.slots - budget.modules.length);
    const power = boardPowerFit(budget);
    return [
      entity.metadata.title ?? entity.metadata.name,
      budget.slots ?? NOT_STATED,
      used || 'none',
      free,
      budget.supplyW === undefined
        ? NOT_STATED
        : `${decimalText(budget.supplyW)} W`,
      power.state === 'unknown'
        ? `not known: ${power.reason}`
        : `${power.state === 'fits' ? 'yes' : 'no'}: ${power.reason}`,
    ];
  });
  return [
    '## Boards',
    table(
      [
        'Board',
        'Slots',
        'Used',
        'Free',
        'Power supply',
        'Supply carries one more module',
      ],
      rows,
    ),
  ].join('\n\n');
}

/** The top of each amount's range summed; undefined when one is not stated. */
function amountSum(values: Array<Device['memoryGB']>): number | undefined {
  let sum = 0;
  for (const value of values) {
    if (value === undefined) return undefined;
    sum += amountBounds(value).max;
  }
  return sum;
}

/** "5.75 vCPUs per core, over the 4 allowed", or not stated. */
function ratioText(
  part: number | undefined,
  whole: number | undefined,
  allowed: number,
  unit: string,
): string | undefined {
  if (part === undefined || !whole) return undefined;
  const ratio = Math.round((part / whole) * 100) / 100;
  return `${decimalText(ratio)}${unit}, ${
    ratio > allowed ? 'over' : 'within'
  } the ${decimalText(allowed)} allowed`;
}

/** Each host's cores and memory against its active and planned VMs'. */
function hostsSection(context: DocsContext): string | undefined {
  const { devices, site } = context.inventory;
  const hosts = devices.filter(host =>
    devices.some(vm => vm.host === host.name),
  );
  if (!hosts.length) return undefined;
  const rows = hosts.map(host => {
    const vms = devices.filter(
      vm =>
        vm.host === host.name &&
        (vm.status === 'active' || vm.status === 'planned'),
    );
    const ratios = {
      ...DEFAULT_OVERCOMMIT,
      ...site.overcommit,
      ...host.overcommit,
    };
    const vcpus = amountSum(vms.map(vm => vm.vcpus));
    const memory = amountSum(vms.map(vm => vm.memoryGB));
    const hostMemory =
      host.memoryGB === undefined ? undefined : amountBounds(host.memoryGB).min;
    const gb = (value: number | undefined) =>
      value === undefined ? undefined : `${decimalText(value)} GB`;
    return [
      context.titleOf(host),
      counted(vms.length, 'VM'),
      vcpus,
      host.cpu?.cores,
      gb(memory),
      gb(hostMemory),
      ratioText(vcpus, host.cpu?.cores, ratios.cpu, ' vCPU per core'),
      ratioText(memory, hostMemory, ratios.memory, 'x of its memory'),
    ];
  });
  return [
    '## Virtual machine hosts',
    table(
      [
        'Host',
        'Active and planned',
        "VMs' vCPUs",
        'Host cores',
        "VMs' memory",
        'Host memory',
        'CPU over-commit',
        'Memory over-commit',
      ],
      rows,
      NOT_STATED,
    ),
    'Each VM counts at the top of its range; a VM that states no vCPUs or memory leaves the sum not stated.',
  ].join('\n\n');
}

/** What a target leaves for the cluster's workloads, of the nodes' stated total. */
function targetText(percent: number | undefined, total: number, unit: string) {
  if (percent === undefined) return NOT_STATED;
  if (!total) return `${percent}% (the nodes' ${unit} are not stated)`;
  return `${percent}% of ${decimalText(total)} ${unit}: ${decimalText(
    Math.round(total * percent) / 100,
  )} ${unit}`;
}

function dataDiskGB(devices: Device[]): number {
  return devices
    .flatMap(device => device.disks ?? [])
    .filter(disk => disk.role === 'data' || disk.role === 'pool')
    .reduce(
      (sum, disk) =>
        sum + (disk.sizeGB ? amountBounds(disk.sizeGB).min * disk.count : 0),
      0,
    );
}

/** Each cluster's capacity targets, against what its nodes' devices state. */
function targetsSection(context: DocsContext): string {
  const rows = context.inventory.clusters.map((cluster: Cluster) => {
    const devices = context.devicesOf(cluster);
    const totals = hardwareTotals(devices);
    const targets = cluster.capacityTargets ?? {};
    return [
      context.titleOf(cluster),
      targetText(targets.cpuPercent, totals.cores + totals.vcpus.min, 'cores'),
      targetText(targets.memoryPercent, totals.memoryGB.min, 'GB'),
      targetText(targets.storagePercent, dataDiskGB(devices), 'GB'),
    ];
  });
  return [
    '## Capacity targets',
    table(
      ['Cluster', 'CPU', 'Memory', 'Storage (data disks)'],
      rows,
      NOT_STATED,
    ),
    "The share of the nodes' resources each cluster is designed to use (capacityTargets), of what the nodes' devices state; Kubernetes reserves some of each node, so the portal's Capacity section measures against what the nodes report as allocatable.",
  ].join('\n\n');
}

/**
 * power-and-capacity.md: the energy the inventory's power figures come to,
 * each board's slots and power supply, each VM host's allocation, and each
 * cluster's capacity targets against its nodes, from the inventory alone.
 */
export function powerCapacityPage(context: DocsContext): string {
  return page('Power and capacity', [
    energySection(context),
    boardsSection(context),
    hostsSection(context),
    targetsSection(context),
  ]);
}
