import {
  acceleratorText,
  amountText,
  cpuText,
  decimalText,
  Device,
  disksText,
  memoryText,
  osText,
  powerText,
} from '@homelab/plugin-homelab-common';
import { clusterHardwareRows } from '../clusterHardware';
import { DocsContext } from '../docsContext';
import { hardwareTotals, HardwareTotals } from '../hardwareTotals';
import { counted, EMPTY, page, table } from '../markdown';

const KIND_TITLES: Record<Device['kind'], string> = {
  board: 'Boards',
  'compute-module': 'Compute modules',
  sbc: 'Single-board computers',
  'mini-pc': 'Mini PCs',
  server: 'Servers',
  'virtual-machine': 'Virtual machines',
  nas: 'NAS',
  switch: 'Switches',
  router: 'Routers',
  'access-point': 'Access points',
  modem: 'Modems',
  ups: 'UPS',
  workstation: 'Workstations',
  unknown: 'Devices of unstated kind',
};

/** "~15W typical, up to 20W peak", with how many devices each figure covers when not all. */
function powerTotal(totals: HardwareTotals): string {
  const of = (count: number) =>
    count < totals.devices ? ` (${counted(count, 'device')})` : '';
  const parts = [
    totals.typicalCount
      ? `~${decimalText(totals.typicalW)}W typical${of(totals.typicalCount)}`
      : undefined,
    totals.maxCount
      ? `up to ${decimalText(totals.maxW)}W peak${of(totals.maxCount)}`
      : undefined,
    totals.withoutPower && totals.withoutPower < totals.devices
      ? `${counted(totals.withoutPower, 'device')} not stated`
      : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : EMPTY;
}

/** A sum, with how many of the devices it covers left out for not stating theirs. */
function withUnstated(text: string | undefined, unstated: number) {
  if (!text) return EMPTY;
  return unstated
    ? `${text} (${counted(unstated, 'device')} not stated)`
    : text;
}

function totalsRow(scope: string, totals: HardwareTotals, withVcpus: boolean) {
  const machines = totals.devices - totals.virtualMachines;
  return [
    scope,
    totals.devices,
    withUnstated(
      totals.cores ? String(totals.cores) : undefined,
      totals.cores ? totals.withoutCores : 0,
    ),
    ...(withVcpus ? [totals.vcpus.max ? amountText(totals.vcpus) : EMPTY] : []),
    withUnstated(
      totals.memoryGB.max
        ? amountText(totals.memoryGB, n => `${decimalText(n)}GB`)
        : undefined,
      totals.memoryGB.max ? totals.withoutMemory : 0,
    ),
    totals.npuTops ? `${decimalText(totals.npuTops)} TOPS` : EMPTY,
    machines || totals.typicalCount || totals.maxCount
      ? powerTotal(totals)
      : EMPTY,
  ];
}

function addresses(device: Device): string | undefined {
  const list = (device.interfaces ?? [])
    .map(i => (i.address ? `${i.address} (${i.network})` : undefined))
    .filter(Boolean);
  return list.length ? list.join(', ') : undefined;
}

/** Where a device sits or what it runs: node roles, VM host, board slot, its VMs. */
function placement(context: DocsContext, device: Device): string | undefined {
  const parts: string[] = [];
  const node = context.nodeOf(device.name);
  if (node)
    parts.push(`${node.roles.join(', ')} of ${context.titleOf(node.cluster)}`);
  if (device.host) {
    parts.push(
      `VM${device.vmid ? ` ${device.vmid}` : ''} on ${context.deviceTitle(
        device.host,
      )}`,
    );
  }
  if (device.slot) {
    parts.push(
      `slot ${device.slot.number} of ${context.deviceTitle(device.slot.board)}`,
    );
  }
  const guests = context.inventory.devices.filter(
    d => d.host === device.name && d.status !== 'retired',
  );
  if (guests.length) {
    parts.push(
      `VMs: ${guests
        .map(
          vm =>
            `${context.titleOf(vm)}${
              vm.status === 'active' ? '' : ` (${vm.status})`
            }`,
        )
        .join(', ')}`,
    );
  }
  return parts.length ? parts.join('; ') : undefined;
}

/**
 * What a cluster's hardware heading names besides the cluster: the board all
 * its nodes sit in, or its one machine; nothing for several machines, which
 * no one of them stands for.
 */
function clusterHardwareName(context: DocsContext, devices: Device[]) {
  const boards = new Set(devices.map(d => d.slot?.board));
  const [board] = boards;
  if (boards.size === 1 && board) return context.deviceTitle(board);
  return devices.length === 1 ? context.titleOf(devices[0]) : undefined;
}

/** "3 active devices, 1 planned, 2 optional" for the site. */
function deviceCounts(context: DocsContext): string {
  const { devices } = context.inventory;
  const count = (status: string) =>
    devices.filter(d => d.status === status).length;
  const others = (['planned', 'optional', 'spare'] as const)
    .map(status => [status, count(status)] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`);
  return `${counted(count('active'), 'active device')} in ${context.titleOf(
    context.inventory.site,
  )}${others.length ? `, ${others.join(', ')}` : ''}.`;
}

/** hardware.md: each cluster's hardware, totals, and every device's specs. */
export function hardwarePage(context: DocsContext): string {
  const { inventory } = context;
  const active = inventory.devices.filter(d => d.status !== 'retired');
  const byCluster = inventory.clusters.map(cluster => {
    const board = clusterHardwareName(context, context.devicesOf(cluster));
    const heading = `${context.titleOf(cluster)}${board ? ` (${board})` : ''}`;
    return [
      `### ${heading}`,
      table(
        ['Component', 'Specification'],
        clusterHardwareRows(cluster, context),
      ),
    ].join('\n\n');
  });

  const inService = inventory.devices.filter(d => d.status === 'active');
  const vms = inService.filter(d => d.kind === 'virtual-machine');
  const withVcpus = vms.some(vm => vm.vcpus !== undefined);
  const totals = table(
    [
      'Scope',
      'Devices',
      'Cores',
      ...(withVcpus ? ['vCPUs'] : []),
      'Memory',
      'NPU',
      'Power draw',
    ],
    [
      ...inventory.clusters.map(cluster =>
        totalsRow(
          `${context.titleOf(cluster)} nodes`,
          hardwareTotals(
            context.devicesOf(cluster).filter(d => d.status === 'active'),
          ),
          withVcpus,
        ),
      ),
      totalsRow(
        vms.length
          ? `All active machines (${counted(
              vms.length,
              'virtual machine',
            )} left out: they run on these)`
          : 'All active devices',
        hardwareTotals(inService.filter(d => d.kind !== 'virtual-machine')),
        withVcpus,
      ),
    ],
  );

  const kinds = [...new Set(active.map(d => d.kind))];
  const withStatus = active.some(d => d.status !== 'active');
  const withDescription = active.some(d => d.description);
  const devices = kinds.map(kind =>
    [
      `### ${KIND_TITLES[kind] ?? kind}`,
      table(
        [
          'Device',
          ...(withStatus ? ['Status'] : []),
          ...(withDescription ? ['Description'] : []),
          'Vendor',
          'Model',
          'CPU',
          'Memory',
          'Accelerators',
          'Storage',
          'Power',
          'OS',
          'Addresses',
          'Runs',
        ],
        active
          .filter(d => d.kind === kind)
          .map(device => {
            return [
              context.titleOf(device),
              ...(withStatus ? [device.status] : []),
              ...(withDescription ? [device.description] : []),
              device.vendor,
              device.model,
              device.cpu?.model
                ? `${device.cpu.model}, ${cpuText(device)}`
                : cpuText(device),
              memoryText(device),
              acceleratorText(device),
              disksText(device.disks),
              powerText(device),
              osText(device.os),
              addresses(device),
              placement(context, device),
            ];
          }),
      ),
    ].join('\n\n'),
  );

  return page('Hardware', [
    deviceCounts(context),
    '## By cluster',
    ...byCluster,
    '## Totals',
    totals,
    '## Devices',
    ...devices,
  ]);
}
