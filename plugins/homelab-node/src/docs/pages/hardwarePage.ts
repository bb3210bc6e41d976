import {
  acceleratorText,
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
  server: 'Servers',
  'virtual-machine': 'Virtual machines',
  nas: 'NAS',
  switch: 'Switches',
  router: 'Routers',
  'access-point': 'Access points',
  modem: 'Modems',
  ups: 'UPS',
  workstation: 'Workstations',
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

function totalsRow(scope: string, totals: HardwareTotals) {
  return [
    scope,
    totals.devices,
    totals.cores || EMPTY,
    totals.memoryGB ? `${decimalText(totals.memoryGB)}GB` : EMPTY,
    totals.npuTops ? `${decimalText(totals.npuTops)} TOPS` : EMPTY,
    powerTotal(totals),
  ];
}

function addresses(device: Device): string | undefined {
  const list = (device.interfaces ?? [])
    .map(i => (i.address ? `${i.address} (${i.network})` : undefined))
    .filter(Boolean);
  return list.length ? list.join(', ') : undefined;
}

/** Where a device sits or what it runs: node roles, VM host, board slot. */
function placement(context: DocsContext, device: Device): string | undefined {
  const node = context.nodeOf(device.name);
  if (node)
    return `${node.roles.join(', ')} of ${context.titleOf(node.cluster)}`;
  if (device.host) {
    return `VM${device.vmid ? ` ${device.vmid}` : ''} on ${context.deviceTitle(
      device.host,
    )}`;
  }
  if (device.slot) {
    return `slot ${device.slot.number} of ${context.deviceTitle(
      device.slot.board,
    )}`;
  }
  return undefined;
}

/** hardware.md: each cluster's hardware, totals, and every device's specs. */
export function hardwarePage(context: DocsContext): string {
  const { inventory } = context;
  const active = inventory.devices.filter(d => d.status !== 'retired');
  const byCluster = inventory.clusters.map(cluster => {
    const [first] = context.devicesOf(cluster);
    const heading = `${context.titleOf(cluster)} (${
      first?.slot
        ? context.deviceTitle(first.slot.board)
        : context.titleOf(first ?? cluster)
    })`;
    return [
      `### ${heading}`,
      table(
        ['Component', 'Specification'],
        clusterHardwareRows(cluster, context),
      ),
    ].join('\n\n');
  });

  const totals = table(
    ['Scope', 'Devices', 'Cores', 'Memory', 'NPU', 'Power draw'],
    [
      ...inventory.clusters.map(cluster =>
        totalsRow(
          `${context.titleOf(cluster)} nodes`,
          hardwareTotals(context.devicesOf(cluster)),
        ),
      ),
      totalsRow(
        'All active devices',
        hardwareTotals(active.filter(d => d.kind !== 'virtual-machine')),
      ),
    ],
  );

  const kinds = [...new Set(active.map(d => d.kind))];
  const devices = kinds.map(kind =>
    [
      `### ${KIND_TITLES[kind] ?? kind}`,
      table(
        [
          'Device',
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

  const planned = inventory.devices.filter(d => d.status === 'planned');
  return page('Hardware', [
    `${counted(active.length, 'active device')} in ${context.titleOf(
      inventory.site,
    )}${planned.length ? `, ${counted(planned.length, 'planned')}` : ''}.`,
    '## By cluster',
    ...byCluster,
    '## Totals',
    totals,
    '## Devices',
    ...devices,
  ]);
}
